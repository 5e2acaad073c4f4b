# The zeep side of TestZeepCallsGeneratedServer (zeep_test.go at the repository's root): zeep, loading
# SuperOffice's real Webhook.wsdl, calls the Go server generated from it at the URL given, and prints
# one JSON object with what it got. Usage: python3 zeep_client.py WSDL URL TICKET
import json
import sys

import zeep

wsdl, url, ticket = sys.argv[1], sys.argv[2], sys.argv[3]
client = zeep.Client(wsdl)
binding = "{http://www.superoffice.net/ws/crm/NetServer/Services88}BasicHttpBinding_Webhook"
service = client.create_service(binding, url)
creds = {"Credentials": {"Ticket": ticket}}
Webhook = client.get_type("{http://www.superoffice.net/ws/crm/NetServer/Services88}Webhook")
ArrayOfstring = client.get_type("{http://schemas.microsoft.com/2003/10/Serialization/Arrays}ArrayOfstring")


def headers(res):
    h = res.header
    return {
        "Succeeded": h.Succeeded if h is not None else None,
        "ExceptionInfo": None if h is None or h.ExceptionInfo is None else {
            "Message": h.ExceptionInfo.Message,
            "ExceptionType": h.ExceptionInfo.ExceptionType,
        },
        "ExtraInfo": None if h is None or h.ExtraInfo is None else [
            [kv.Key, kv.Value] for kv in (h.ExtraInfo.ExtraInfoNameValuePair or [])
        ],
    }


def hook(w):
    if w is None:
        return None
    return {"WebhookId": w.WebhookId, "Name": w.Name, "Events": list(w.Events.string) if w.Events else [],
            "TargetUrl": w.TargetUrl, "State": w.State}


out = {}
w = Webhook(WebhookId=0, Name="zeep hook", Events=ArrayOfstring(string=["contact.created", "person.changed"]),
            TargetUrl="https://example.com/zeep", State="Active", Type="webhook")
res = service.SaveWebhook(Webhook=w, _soapheaders=creds)
out["save"] = {"body": hook(res.body.Response), "header": headers(res)}
saved_id = res.body.Response.WebhookId
res = service.GetWebhook(WebhookId=saved_id, _soapheaders=creds)
out["get"] = {"body": hook(res.body.Response), "header": headers(res)}
res = service.GetAllWebhooks(NameFilter="zeep", EventFilter="", StatusFilter="Active", _soapheaders=creds)
out["list"] = {"body": [hook(x) for x in (res.body.Response.Webhook if res.body.Response else [])], "header": headers(res)}
# A failure SuperOffice-style: a webhook without a name, then a request without a ticket.
res = service.SaveWebhook(Webhook=Webhook(WebhookId=0, State="Active"), _soapheaders=creds)
out["fail"] = {"body": hook(res.body.Response), "header": headers(res)}
res = service.GetWebhook(WebhookId=saved_id)
out["noticket"] = {"body": hook(res.body.Response), "header": headers(res)}
# An operation the server does not implement: a SOAP fault.
try:
    service.DeleteWebhook(WebhookId=saved_id, _soapheaders=creds)
    out["unimplemented"] = "no fault"
except zeep.exceptions.Fault as f:
    out["unimplemented"] = {"code": str(f.code), "message": f.message}
print(json.dumps(out))
