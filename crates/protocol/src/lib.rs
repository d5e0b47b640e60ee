//! FieldScreen's screening-protocol core: the file format, its compiler and checks, the condition
//! language, the interview engine and the outcome. No I/O beyond reading text it is given, no UI.
#![warn(missing_docs)]

pub mod answer;
pub mod builtin;
pub mod compile;
pub mod condition;
pub mod diagnostic;
pub mod engine;
pub mod iso3166;
pub mod model;
pub mod outcome;
mod raw;
mod reachability;
mod shadowing;

pub use answer::{Answer, AnswerError, DurationUnit};
pub use compile::{Compiled, MEANS_OF_CONTROL, compile};
pub use diagnostic::{Diagnostic, Location, Severity};
pub use engine::{EndReason, Session, State, StoppedBy};
pub use model::{AgeGroup, Kind, Level, Profile, Protocol, Question, Strength};
pub use outcome::Outcome;

#[cfg(test)]
mod tests;
