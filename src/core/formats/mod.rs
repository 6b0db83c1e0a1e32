//! Files Claimcheck reads and writes: its own JSON, and the formats the field already speaks.

pub mod export;
pub mod native;
pub mod sniff;
