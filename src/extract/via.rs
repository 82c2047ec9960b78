//! The outlet a statement was given to: `told Politico`, `in an interview
//! with TechCrunch`, `as cited by the publication`, `reports Politico`.

use super::*;

impl Extractor {
    /// The outlet a statement was given to: `told Politico`, `in an interview
    /// with TechCrunch`, `as cited by the publication`, `reports Politico`.
    pub(super) fn via(
        &self,
        s: &Sent,
        cue: usize,
        speaker: &Resolved,
        ents: &Entities,
    ) -> Option<String> {
        let cue_word = s.word(cue).unwrap_or_default();
        if self.lexicon.takes_listener(cue_word)
            && let Some(np) = s.np_forward(cue + 1, false)
            && let NpKind::Name(name) = np.kind
        {
            return Some(name);
        }
        if self.lexicon.is_report(cue_word) && speaker.speaker.kind == SpeakerType::Outlet {
            return speaker.speaker.name.clone();
        }
        for i in 0..s.len() {
            let marks_source = (s.is_word(i, "interview") && s.is_word(i + 1, "with"))
                || (s.is_word(i, "cited") && s.is_word(i + 1, "by"));
            if !marks_source {
                continue;
            }
            let target = i + 2;
            if let Some(name) = s.name_at(target) {
                return Some(name);
            }
            match s.np_forward(target, false).map(|np| np.kind) {
                Some(NpKind::Quoted(name)) => return Some(name),
                Some(NpKind::Description { det, head })
                    if det.as_deref() == Some("the") && words::is_outlet_noun(&head) =>
                {
                    return ents.latest_outlet();
                }
                _ => {}
            }
        }
        None
    }
}
