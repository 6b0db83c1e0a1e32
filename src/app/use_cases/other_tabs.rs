//! Other tabs of the same browser write the same storage. Before every save, and whenever the
//! browser says another tab wrote, this tab merges what is stored now into what it shows,
//! three ways against what it last loaded or saved (`core::library::sync`): claims by id and
//! field, deletes as tombstones, classroom state key by key. An article deleted in another tab
//! is not saved back: the work stays on screen, and the user is told to export it.
//!
//! The read, merge and write of one save run in one task of the page's event loop, with no
//! await between them. Chromium applies other tabs' localStorage writes to a page between its
//! tasks, never inside one, so no other tab's write can fall between this tab's read and its
//! write; that is why no lock (Web Locks) is taken. A browser that did interleave them would
//! lose at most the one write that fell in between, and the next save would merge it back in
//! from the tab that made it.

use std::rc::Rc;

use serde_json::Value;

use crate::app::actions::Action;
use crate::app::notices::StorageHealth;
use crate::app::session::Session;
use crate::core::classroom::session::{Classroom, CLASSROOM_KEY};
use crate::core::library::store::KeyValue;
use crate::core::library::sync::three_way;

/// What a tab showing an article another tab deleted is told.
pub const DELETED_ELSEWHERE: &str = "This article was deleted in another tab, so changes to it \
    here are not saved (that would bring it back). They are still here: use Export JSON to keep a copy.";

impl<S: KeyValue> Session<S> {
    /// Another tab changed the storage: show what it wrote, merged with this tab's unsaved
    /// changes (which the next save writes).
    pub fn other_tab_saved(&mut self) {
        if let Err(why) = self.merge_with_other_tabs(false) {
            let health = StorageHealth::Failing(why);
            if health != self.state().notices.storage {
                self.dispatch(Action::ReportStorage(health));
            }
        }
    }

    /// Merges what other tabs stored since this tab last read into the state shown. With
    /// `writing`, also stores this tab's deletes (a save follows). Says whether there was nothing
    /// to merge: what is stored is still the base this tab last read or wrote, and this tab's
    /// article is still that too (so a save has nothing of it to write). An error says why the
    /// open article must not be saved.
    pub(crate) fn merge_with_other_tabs(&mut self, writing: bool) -> Result<bool, String> {
        self.merge_classroom();
        let id = self.state().article.id.clone();
        let base = self
            .synced
            .article
            .take()
            .filter(|(b, _)| b.article.id == id);
        // Read once (the record can be large): it also tells whether the article was deleted.
        let raw = self.store.stored_raw(&id);
        if base.is_some() && raw.is_none() && self.store.listed_as_deleted(&id) {
            self.synced.article = base;
            return Err(DELETED_ELSEWHERE.to_string());
        }
        if base.is_none() && writing {
            // Opened afresh, so the user means to have it in the library again.
            self.store
                .forget_deleted(&id)
                .map_err(|e| e.user_message())?;
        }
        let stored_is_base = matches!((&base, &raw), (Some((_, r)), Some(now)) if r == now);
        if stored_is_base && base.as_ref().is_some_and(|(b, _)| self.state().holds(b)) {
            // Nothing written since and nothing changed here: there is nothing to merge.
            self.synced.article = base;
            return Ok(true);
        }
        let theirs = match (&base, &raw) {
            // Nothing written since: the base is what is stored.
            (Some((b, _)), _) if stored_is_base => Some(b.clone()),
            (_, Some(_)) => self.store.read_article(&id, &mut Vec::new()),
            (_, None) => None,
        };
        let mine = self.state().document();
        let graves = self.store.tombstones(&id);
        let base_doc = base.as_ref().map(|(b, _)| b);
        let merged = three_way(
            base_doc,
            &mine,
            theirs.as_ref().unwrap_or(&mine),
            &graves,
            &(self.clock)(),
        );
        if writing && merged.tombstones != graves {
            self.store
                .write_tombstones(&id, &merged.tombstones)
                .map_err(|e| e.user_message())?;
        }
        self.synced.article = match (writing, raw) {
            // What is stored now is what both tabs' changes start from.
            (false, Some(raw)) => theirs.map(|t| (t, raw)),
            // Gone from storage: keep the base, which says this tab had it stored (and must
            // not save it back if it was deleted).
            _ => base,
        };
        for conflict in &merged.conflicts {
            self.dispatch(Action::Warn(conflict.message()));
        }
        if merged.document != mine {
            self.replace_document(merged.document);
        }
        Ok(false)
    }

    /// Shows the merged document in place of this tab's, keeping the selection if it is still
    /// there. Not a change to save: it is what is stored, plus what this tab has yet to save.
    fn replace_document(&mut self, doc: crate::core::model::Document) {
        let mut next = (**self.state()).clone();
        if *next.article != doc.article {
            next.article = Rc::new(doc.article);
        }
        next.set_claims(doc.claims);
        next.orphans = doc.orphans;
        if next
            .selected
            .as_deref()
            .is_some_and(|s| next.claim(s).is_none())
        {
            next.selected = None;
        }
        self.state = Rc::new(next);
    }

    /// Merges the classroom state another tab stored (its drafts, rubric and students' work);
    /// the mode and the exercise under way stay this tab's.
    pub(crate) fn merge_classroom(&mut self) {
        let Some(raw) = self.store.kv().get(CLASSROOM_KEY) else {
            return;
        };
        let base = self.synced.classroom.as_ref().map(|(_, json)| json);
        if base == Some(&raw) {
            return;
        }
        let Ok(theirs) = serde_json::from_str::<Value>(&raw) else {
            return;
        };
        let mine = self.state().classroom.clone();
        let parse = |json: &str| serde_json::from_str::<Value>(json).ok();
        let merged = crate::core::library::sync::merge_json(
            base.and_then(|b| parse(b)).as_ref(),
            &parse(&mine.to_json()).unwrap_or(Value::Null),
            &theirs,
        );
        self.synced.classroom = Some((mine.clone(), raw));
        let Ok(mut merged) = Classroom::from_json(&merged.to_string()) else {
            return;
        };
        merged.mode = mine.mode;
        merged.active = mine.active.clone();
        merged.scoring = mine.scoring.clone();
        if merged != *mine {
            let mut next = (**self.state()).clone();
            next.classroom = Rc::new(merged);
            self.state = Rc::new(next);
        }
    }

    /// What is stored now (just saved, or just loaded) is this tab's base for the next merge.
    pub(crate) fn mark_synced(&mut self) {
        let id = &self.state().article.id;
        self.synced.article = self
            .store
            .stored_raw(id)
            .map(|raw| (self.state().document(), raw));
        self.mark_classroom_synced();
    }

    /// The classroom part of [`Self::mark_synced`].
    pub(crate) fn mark_classroom_synced(&mut self) {
        let classroom = self.state().classroom.clone();
        let fresh = self
            .synced
            .classroom
            .as_ref()
            .is_some_and(|(c, _)| Rc::ptr_eq(c, &classroom));
        if !fresh {
            self.synced.classroom = self
                .store
                .kv()
                .get(CLASSROOM_KEY)
                .map(|raw| (classroom, raw));
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::session::{build_exercise, work_article, ExerciseDraft};
    use crate::core::intake::samples;
    use crate::core::library::memory_kv::SharedKv;

    fn tab(kv: &SharedKv) -> Session<SharedKv> {
        let mut s = Session::start(kv.clone(), None);
        s.set_clock(|| "2026-06-01T00:00:00Z".into());
        s
    }

    fn mark(s: &mut Session<SharedKv>, id: &str, start: usize, end: usize) {
        s.dispatch(Action::AddClaim {
            id: id.into(),
            start,
            end,
            at: format!("2026-01-01T00:00:0{start}Z"),
        });
    }

    fn ids(s: &Session<SharedKv>) -> Vec<String> {
        let mut ids: Vec<String> = s.state().claims.iter().map(|c| c.id.clone()).collect();
        ids.sort();
        ids
    }

    /// Two tabs that each saved one claim on the open article.
    fn two_tabs_with_one_claim() -> (SharedKv, Session<SharedKv>, Session<SharedKv>) {
        let kv = SharedKv::default();
        let mut first = tab(&kv);
        mark(&mut first, "c", 4, 40);
        first.save();
        (kv.clone(), tab(&kv), tab(&kv))
    }

    #[test]
    fn claims_added_in_two_tabs_both_survive_a_reload() {
        let kv = SharedKv::default();
        let (mut a, mut b) = (tab(&kv), tab(&kv));
        mark(&mut a, "x", 4, 40);
        a.save();
        mark(&mut b, "y", 50, 80);
        b.save();
        assert_eq!(ids(&b), vec!["x", "y"], "the saving tab shows both");
        assert_eq!(ids(&tab(&kv)), vec!["x", "y"]);
        // The other tab is told, and shows both without having to save.
        a.other_tab_saved();
        assert_eq!(ids(&a), vec!["x", "y"]);
        assert!(!a.unsaved());
    }

    #[test]
    fn a_note_in_one_tab_and_a_source_in_the_other_are_both_kept() {
        let (kv, mut a, mut b) = two_tabs_with_one_claim();
        a.dispatch(Action::SetNote {
            id: "c".into(),
            note: "from A".into(),
            at: "2026-02-01T00:00:00Z".into(),
        });
        a.save();
        b.dispatch(Action::SetSource {
            id: "c".into(),
            source: "Ministry".into(),
            at: "2026-02-01T00:00:01Z".into(),
        });
        b.save();
        let again = tab(&kv);
        let c = again.state().claim("c").unwrap();
        assert_eq!((c.note.as_str(), c.source.as_str()), ("from A", "Ministry"));
        assert!(b.state().notices.warnings.is_empty(), "no conflict");
    }

    #[test]
    fn the_same_note_in_two_tabs_goes_to_the_later_and_the_tab_says_so() {
        let (kv, mut a, mut b) = two_tabs_with_one_claim();
        for (s, note, at) in [
            (&mut a, "A's note", "2026-02-01T00:00:05Z"),
            (&mut b, "B's note", "2026-02-01T00:00:01Z"),
        ] {
            s.dispatch(Action::SetNote {
                id: "c".into(),
                note: note.into(),
                at: at.into(),
            });
            s.save();
        }
        assert_eq!(tab(&kv).state().claim("c").unwrap().note, "A's note");
        assert_eq!(b.state().claim("c").unwrap().note, "A's note");
        let told = &b.state().notices.warnings;
        assert!(
            told.iter()
                .any(|w| w.contains("also changed in another tab")),
            "{told:?}"
        );
    }

    #[test]
    fn a_claim_deleted_in_one_tab_is_not_brought_back_by_the_other() {
        let (kv, mut a, mut b) = two_tabs_with_one_claim();
        mark(&mut b, "d", 50, 80);
        b.save();
        a.dispatch(Action::Delete { id: "c".into() });
        a.save();
        b.dispatch(Action::SetNote {
            id: "d".into(),
            note: "B goes on".into(),
            at: "2026-03-01T00:00:00Z".into(),
        });
        b.save();
        assert_eq!(ids(&tab(&kv)), vec!["d"]);
        assert_eq!(ids(&b), vec!["d"]);
    }

    #[test]
    fn an_article_deleted_in_one_tab_is_not_saved_back_by_the_other() {
        let (kv, mut a, mut b) = two_tabs_with_one_claim();
        let id = a.state().article.id.clone();
        a.open_article(samples::all()[1].clone());
        a.remove_article(&id).unwrap();
        assert_eq!(
            a.state().notices.storage,
            StorageHealth::Fine,
            "the deleting tab is not told it was deleted elsewhere"
        );
        mark(&mut b, "late", 50, 80);
        b.save();
        assert!(matches!(
            &b.state().notices.storage,
            StorageHealth::Failing(m) if m.contains("deleted in another tab")
        ));
        assert_eq!(ids(&b), vec!["c", "late"], "the work stays on screen");
        let mut again = tab(&kv);
        assert!(again.library().iter().all(|e| e.id != id));
        assert!(kv
            .borrow()
            .get(&crate::core::library::store::article_key(&id))
            .is_none());
        // Told as soon as the other tab deleted it, too.
        let mut c = two_tabs_with_one_claim();
        c.1.open_article(samples::all()[1].clone());
        c.1.remove_article(&c.2.state().article.id.clone()).unwrap();
        c.2.other_tab_saved();
        assert!(matches!(
            &c.2.state().notices.storage,
            StorageHealth::Failing(m) if m.contains("deleted in another tab")
        ));
        // However the other tab's writes arrive, one by one, the base is not lost on the way.
        let (kv2, _, mut d) = two_tabs_with_one_claim();
        let key = crate::core::library::store::article_key(&id);
        kv2.borrow_mut().data.remove(&key);
        d.other_tab_saved();
        let mut store = crate::core::library::store::Store::new(kv2.clone());
        kv2.borrow_mut().data.insert(key.clone(), "{}".into());
        store.remove(&id).unwrap();
        d.other_tab_saved();
        mark(&mut d, "late", 50, 80);
        d.save();
        assert!(kv2.borrow().get(&key).is_none(), "saved back");
        // Opening it afresh (here: undoing the delete) puts it back for good.
        a.undo_remove_article();
        a.open_by_id(&id).unwrap();
        mark(&mut a, "back", 50, 80);
        a.save();
        assert_eq!(a.state().notices.storage, StorageHealth::Fine);
        assert!(ids(&tab(&kv)).contains(&"back".to_string()));
    }

    #[test]
    fn a_students_work_in_two_tabs_keeps_both_claims_and_the_name() {
        let kv = SharedKv::default();
        let mut first = tab(&kv);
        let (exercise, _) =
            build_exercise(&first.state().article, &[], &ExerciseDraft::default(), "t");
        first.dispatch(Action::OpenArticle {
            article: work_article(&exercise),
            claims: vec![],
            orphans: vec![],
            selected: None,
        });
        first.dispatch(Action::StartExercise {
            exercise: Box::new(exercise),
            at: "t0".into(),
        });
        first.save();
        let (mut a, mut b) = (tab(&kv), tab(&kv));
        assert!(b.state().classroom.is_student());
        mark(&mut a, "a", 4, 40);
        a.dispatch(Action::SetStudentName("Ana".into()));
        a.save();
        mark(&mut b, "b", 50, 80);
        b.save();
        let again = tab(&kv);
        assert_eq!(ids(&again), vec!["a", "b"]);
        assert_eq!(
            again.state().classroom.active_work().unwrap().student,
            "Ana"
        );
        assert_eq!(b.state().classroom.active_work().unwrap().student, "Ana");
    }
}
