//! What a run is asked to do: the command line, and the scan configuration
//! built from it once.

pub mod cli;
pub mod file;
mod scan;
mod selection;

pub use scan::{default_args, tf_env_vars, ScanConfig};
pub use selection::Selection;
