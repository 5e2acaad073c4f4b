package xmlr

import (
	"sync"
	"sync/atomic"
)

// NS identifies a namespace name (a URI) so that names compare as an integer and a local name.
//
// Namespaces registered with Intern (typically by package-level variables of generated code) have
// the same NS in every Reader and document. Any other namespace met in a document gets an NS of its
// own, with Local set, valid for that document only (until the Reader is Reset): compare it with
// another NS read by the same Reader since its last Reset, not with a registered one (it never
// equals one), and do not keep it.
type NS uint32

const (
	// NoNamespace is the NS of names in no namespace: unprefixed attributes, and elements outside
	// any default namespace declaration (or inside xmlns="").
	NoNamespace NS = 0
	// XML is the NS of the namespace the prefix xml is bound to.
	XML NS = 1
	// XMLNS is the NS of namespace declarations (xmlns and xmlns:p attributes).
	XMLNS NS = 2

	// Local is set in the NS of a namespace that was not registered with Intern.
	Local NS = 1 << 31
)

// The namespace names of the reserved prefixes (Namespaces in XML 1.0, section 3).
const (
	XMLNamespace   = "http://www.w3.org/XML/1998/namespace"
	XMLNSNamespace = "http://www.w3.org/2000/xmlns/"
)

// registry holds the namespaces registered with Intern. Readers read the map without a lock: it is
// replaced, never changed, on each registration. (It is set up by its initialiser, not by an init
// function, so that package-level variables may call Intern.)
var registry = newRegistry()

type nsRegistry struct {
	mu   sync.Mutex
	uris []string
	ids  atomic.Pointer[map[string]NS]
}

func newRegistry() *nsRegistry {
	r := &nsRegistry{uris: []string{"", XMLNamespace, XMLNSNamespace}}
	ids := map[string]NS{"": NoNamespace, XMLNamespace: XML, XMLNSNamespace: XMLNS}
	r.ids.Store(&ids)
	return r
}

// Intern registers uri and returns its NS, the same in every Reader. It is safe for concurrent use;
// call it once per namespace (at package initialisation), not per document: registered namespaces
// are never forgotten.
func Intern(uri string) NS {
	if ns, ok := (*registry.ids.Load())[uri]; ok {
		return ns
	}
	registry.mu.Lock()
	defer registry.mu.Unlock()
	old := *registry.ids.Load()
	if ns, ok := old[uri]; ok {
		return ns
	}
	ns := NS(len(registry.uris))
	if ns&Local != 0 {
		panic("xmlr: too many namespaces registered")
	}
	ids := make(map[string]NS, len(old)+1)
	for k, v := range old {
		ids[k] = v
	}
	ids[uri] = ns
	registry.uris = append(registry.uris, uri)
	registry.ids.Store(&ids)
	return ns
}

// URI returns the namespace name of a registered NS ("" for NoNamespace, and for an NS that is not
// registered: look at Name.Space for those).
func (ns NS) URI() string {
	if ns&Local != 0 {
		return ""
	}
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if int(ns) < len(registry.uris) {
		return registry.uris[ns]
	}
	return ""
}

// ns returns the NS of uri: the registered one, or one local to the document being read.
func (r *Reader) ns(uri []byte) NS {
	if ns, ok := (*registry.ids.Load())[string(uri)]; ok {
		return ns
	}
	if ns, ok := r.local[string(uri)]; ok {
		return ns
	}
	if r.local == nil {
		r.local = map[string]NS{}
	}
	ns := Local | NS(len(r.local))
	r.local[string(uri)] = ns
	r.localBytes += len(uri)
	return ns
}
