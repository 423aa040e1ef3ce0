//! Finding the files to audit and reading them: which files may be opened, and
//! their text with a line index.

pub mod discover;
pub mod names;
pub mod open;
pub mod source;
