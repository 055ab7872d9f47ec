// Statistics, FNV-1a and SplitMix64 live in RigorStatistics so the runner can judge claims
// without linking OpenBLAS; re-exported here so a notebook's `import Interp` still sees them.
@_exported import RigorStatistics
