//! What a run is asked to do: the command line.

pub mod cli;
