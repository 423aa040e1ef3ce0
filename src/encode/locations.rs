//! Where each `loc` id points. Ids are opaque outside this table: [`Locations::get`]
//! and [`Locations::len`] are the only ways to read them.

use super::status_account;
use crate::model::finding::Resource;
use crate::model::{SourceStatus, Span, Variant};
use std::collections::HashMap;
use std::sync::Arc;

/// Where each `loc` id points, and what it belongs to: a finding that names no
/// `resource` is about the resource of its `loc`.
///
/// The statuses' locs (three each, from `status_base` on) are read from the
/// statuses themselves rather than copied into these tables.
#[derive(Debug, Default)]
pub struct Locations {
    /// Every other loc, in id order (ids past the statuses' shifted down).
    pub(super) spans: Vec<Span>,
    /// For each of `spans`, an index into `resources`.
    pub(super) owners: Vec<u32>,
    pub(super) resources: Vec<Resource>,
    pub(super) status_base: usize,
    pub(super) statuses: Arc<Vec<SourceStatus>>,
    /// For the owners that are one reading of a definition (an aggregator's
    /// owner index is its index): which definition, and which reading.
    pub(super) variants: HashMap<u32, Reading>,
}

/// One reading of a definition read several ways.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The definition: the index of its first reading.
    pub group: u32,
    pub variant: Arc<Variant>,
}

impl Locations {
    /// How many loc ids there are: every id below this has a location.
    pub fn len(&self) -> usize {
        self.spans.len() + self.statuses.len() * 3
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The readings of definitions read several ways, by owner index.
    pub fn readings(&self) -> &HashMap<u32, Reading> {
        &self.variants
    }

    /// The source statuses, shared (for the items a report lists).
    pub fn statuses(&self) -> Arc<Vec<SourceStatus>> {
        self.statuses.clone()
    }

    /// How many source statuses the table holds (their locs are computed).
    pub fn status_count(&self) -> usize {
        self.statuses.len()
    }

    /// The reading a loc belongs to, when its definition was read several ways.
    pub fn reading(&self, loc: usize) -> Option<&Reading> {
        if loc >= self.status_base {
            return None;
        }
        let owner = *self.owners.get(loc)?;
        self.variants.get(&owner)
    }

    pub fn get(&self, loc: usize) -> Option<(Span, Resource)> {
        let n = self.statuses.len() * 3;
        if loc >= self.status_base && loc - self.status_base < n {
            let i = loc - self.status_base;
            let s = &self.statuses[i / 3];
            let span = match i % 3 {
                0 => s.span,
                1 => s.status_span,
                _ => s.updated_span,
            };
            let resource = Resource {
                aggregator: s.aggregator().cloned(),
                account: status_account(s).cloned(),
                region: s.region.clone(),
            };
            return Some((span, resource));
        }
        let at = if loc >= self.status_base {
            loc - n
        } else {
            loc
        };
        let span = *self.spans.get(at)?;
        let owner = self
            .owners
            .get(at)
            .and_then(|o| self.resources.get(*o as usize));
        Some((span, owner.cloned().unwrap_or_default()))
    }
}
