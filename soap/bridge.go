package soap

import (
	"context"

	"github.com/sogen-go/sogen/soap/internal/bridge"
)

// init hands package soapimpl, through the internal bridge, what it needs of soap and users must not
// see.
func init() {
	bridge.PresenceHasNils = func(p *Presence, field string) bool { return p.hasNils(field) }
	bridge.PresenceNilFields = func(p *Presence) []string {
		var out []string
		for i, n := range p.nils {
			if i == 0 || p.nils[i-1].field != n.field {
				out = append(out, n.field)
			}
		}
		return out
	}
	bridge.PresenceEmpty = func(p *Presence) bool { return p == nil || len(p.entries) == 0 && len(p.nils) == 0 }
	bridge.ApplyCallOption = func(opt CallOption, o *bridge.CallOptions) { opt.applyCallOption(o) }
	bridge.ApplyHandlerOption = func(opt HandlerOption, o *bridge.HandlerOptions) { opt.applyHandlerOption(o) }
	bridge.NewCheckedError = func(err error) error { return &checkedError{err} }
	bridge.DateTimeFromWire = dateTimeFromWire
	bridge.DateFromWire = dateFromWire
	bridge.TimeOfDayFromWire = timeOfDayFromWire
	bridge.DurationFromWire = durationFromWire
	bridge.DecimalFromWire = decimalFromWire
	bridge.ExchangeBegin = func(x *Exchange, ctx context.Context, obs *Observer, endpoint string, body []byte, secrets []string) context.Context {
		return x.begin(ctx, obs, endpoint, body, secrets)
	}
	bridge.ExchangeReply = func(x *Exchange, status int, body []byte) { x.reply(status, body) }
	bridge.ExchangeDone = func(x *Exchange, obs *Observer, err error) { x.done(obs, err) }
}
