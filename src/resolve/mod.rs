//! Context that no single file states: the region and aggregator a path or a
//! snapshot manifest implies, who is expected to report where (coverage), and
//! the scope and capture details reports show (scope).

pub mod coverage;
pub mod scope;
pub mod snapshot;
