package soap

// The unchecked constructors of the date/time and decimal types, for the tests of package soap_test.
var (
	DateTimeFromWire  = dateTimeFromWire
	DateFromWire      = dateFromWire
	TimeOfDayFromWire = timeOfDayFromWire
	DurationFromWire  = durationFromWire
	DecimalFromWire   = decimalFromWire
)
