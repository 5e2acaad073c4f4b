package xmlr

// Buffer returns the document r reads. The names, attribute values and text r returns are slices of
// it (values and text are decoded in place), but for namespace names written with references, which
// are decoded into memory of r's own. Like them, it is valid until r is Reset.
func (r *Reader) Buffer() []byte { return r.buf }
