//! Context that no single file states: the region and aggregator a path or a
//! snapshot manifest implies, and who is expected to report where (coverage).

pub mod coverage;
pub mod snapshot;
