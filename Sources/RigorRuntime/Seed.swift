/// This run's seed. Each seed runs as its own process; outside Rigor it is 0 unless
/// `RIGOR_SEED` is set.
public let seed: Int = RunState.shared.seed
