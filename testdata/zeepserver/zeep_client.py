# The zeep side of TestZeepCallsGeneratedServer (zeep_test.go at the repository's root): zeep, loading
# SuperOffice's real Webhook.wsdl, calls the Go server generated from it at the URL given, and prints
# one JSON object with what it got. libxml2 (lxml) validates every header block and body element of
# every reply against the WSDL's schemas. Usage: python3 zeep_client.py WSDL URL TICKET SCRATCHDIR
import copy
import json
import os
import sys

import zeep
from lxml import etree
from zeep.plugins import HistoryPlugin

wsdl, url, ticket, scratch = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
XS = "http://www.w3.org/2001/XMLSchema"


def load_schema():
    """The WSDL's schemas as one lxml XMLSchema: each written to a file of its own, keeping the
    namespace declarations it inherits from the WSDL, its imports pointed at the others' files."""
    schemas = etree.parse(wsdl).findall(".//{%s}schema" % XS)
    files = {s.get("targetNamespace"): os.path.join(scratch, "s%d.xsd" % i) for i, s in enumerate(schemas)}
    for s in schemas:
        n = etree.Element(s.tag, attrib=dict(s.attrib), nsmap=dict(s.nsmap))
        for c in s:
            n.append(copy.deepcopy(c))
        for imp in n.findall("{%s}import" % XS):
            if imp.get("namespace") in files:
                imp.set("schemaLocation", files[imp.get("namespace")])
        etree.ElementTree(n).write(files[s.get("targetNamespace")])
    root = etree.Element("{%s}schema" % XS, nsmap={"xs": XS})
    for ns, f in files.items():
        etree.SubElement(root, "{%s}import" % XS, namespace=ns, schemaLocation=f)
    return etree.XMLSchema(root)


schema = load_schema()
history = HistoryPlugin()
validated, invalid = [], []


def validate(what):
    """Validates the header blocks and body element of the last reply."""
    env = history.last_received["envelope"]
    for part in ("Header", "Body"):
        for el in env.findall("{http://schemas.xmlsoap.org/soap/envelope/}%s/*" % part):
            if el.tag.endswith("}Fault"):
                continue
            if schema.validate(etree.ElementTree(copy.deepcopy(el))):
                validated.append(etree.QName(el).localname)
            else:
                invalid.append("%s: %s: %s" % (what, etree.QName(el).localname, schema.error_log.last_error))


client = zeep.Client(wsdl, plugins=[history])
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
validate("save")
saved_id = res.body.Response.WebhookId
res = service.GetWebhook(WebhookId=saved_id, _soapheaders=creds)
out["get"] = {"body": hook(res.body.Response), "header": headers(res)}
validate("get")
res = service.GetAllWebhooks(NameFilter="zeep", EventFilter="", StatusFilter="Active", _soapheaders=creds)
out["list"] = {"body": [hook(x) for x in (res.body.Response.Webhook if res.body.Response else [])], "header": headers(res)}
validate("list")
# A failure SuperOffice-style: a webhook without a name, then a request without a ticket.
res = service.SaveWebhook(Webhook=Webhook(WebhookId=0, State="Active"), _soapheaders=creds)
out["fail"] = {"body": hook(res.body.Response), "header": headers(res)}
validate("fail")
res = service.GetWebhook(WebhookId=saved_id)
out["noticket"] = {"body": hook(res.body.Response), "header": headers(res)}
validate("noticket")
# An operation the server does not implement: a SOAP fault.
try:
    service.DeleteWebhook(WebhookId=saved_id, _soapheaders=creds)
    out["unimplemented"] = "no fault"
except zeep.exceptions.Fault as f:
    out["unimplemented"] = {"code": str(f.code), "message": f.message}
out["validated"], out["invalid"] = validated, invalid
print(json.dumps(out))
