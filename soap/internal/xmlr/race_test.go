//go:build race

package xmlr

// raceEnabled is set under the race detector: the differential test then leaves out the truncated
// documents, which a Reader (one goroutine) reads no differently under the detector, to keep CI's
// -race run short.
const raceEnabled = true
