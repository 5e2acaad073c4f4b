//go:build !race

package xmlr

const raceEnabled = false
