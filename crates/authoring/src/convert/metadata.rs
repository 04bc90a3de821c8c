//! The front matter's values as the monograph takes them: the title checked
//! against the `#` heading, the id against the file name, the alerts
//! against the precautions, and where each value is written.

use super::heading::Heading;
use super::inline::collapse;
use super::outline::Outline;
use super::{Cx, FileName};
use crate::diagnostic::{suggest, Kind};
use crate::front_matter::{FrontMatter, Located};
use monograph_model::{Precautions, Section};

impl Cx<'_> {
    /// The title: the front matter's, which the `#` heading must repeat,
    /// or the heading's when the front matter has none.
    pub(super) fn title(
        &mut self,
        front: &FrontMatter,
        heading: Option<Located<String>>,
    ) -> Option<Located<String>> {
        match (&front.title, heading) {
            (Some(front_title), Some(heading)) => {
                if collapse(&front_title.value) != heading.value {
                    self.report(
                        heading.offset,
                        Kind::TitleMismatch,
                        format!(
                            "the `#` title \"{}\" differs from `title: {}` in the front matter: \
                             make them the same",
                            heading.value, front_title.value
                        ),
                    );
                }
                Some(front_title.clone())
            }
            (Some(front_title), None) => Some(front_title.clone()),
            (None, Some(heading)) => Some(heading),
            (None, None) => {
                self.report(
                    0,
                    Kind::MissingTitle,
                    "no title: add a `#` title line after the front matter, like \
                     `# Lenalidomide`, and `title: Lenalidomide` in the front matter",
                );
                None
            }
        }
    }

    /// Reports a missing `language`, unless the front matter as a whole is
    /// missing or unreadable (reported already).
    pub(super) fn require_language(&mut self, front: &FrontMatter) {
        let unreadable = self.diagnostics.iter().any(|d| {
            matches!(
                d.kind,
                Kind::FrontMatterMissing | Kind::FrontMatterNotYaml | Kind::FrontMatterNotKeys
            )
        });
        if front.language.is_none() && !unreadable {
            self.report(
                0,
                Kind::MissingKey,
                "the front matter has no `language`: add a line like `language: en` (the \
                 language tag of the text, such as `en` or `es-MX`)",
            );
        }
    }

    /// The id: the front matter's (a warning when it differs from the file
    /// name), or the file name's stem.
    pub(super) fn id(&mut self, front: &FrontMatter, file: &FileName) -> String {
        let Some(id) = &front.id else {
            return file.stem.to_owned();
        };
        if id.value != file.stem {
            self.report(
                id.offset,
                Kind::IdDiffersFromFileName,
                format!(
                    "the id \"{}\" differs from the file name \"{}\": the JSON is written to \
                     \"{}.json\" all the same. Rename the file to \"{}.md\", or remove the \
                     `id:` line",
                    id.value, file.name, file.stem, id.value
                ),
            );
        }
        self.place("id", id.offset);
        id.value.clone()
    }

    /// Records where each front-matter value (and the title) is written.
    pub(super) fn place_front_matter(
        &mut self,
        front: &FrontMatter,
        title: Option<&Located<String>>,
    ) {
        for (path, value) in [
            ("language", front.language.as_ref()),
            ("title", title),
            ("codes.rxcui", front.rxcui.as_ref()),
            ("source", front.source.as_ref()),
            ("last_reviewed", front.last_reviewed.as_ref()),
            ("next_review", front.next_review.as_ref()),
        ] {
            if let Some(value) = value {
                self.place(path, value.offset);
            }
        }
        for (path, list) in [
            ("brand_names", &front.brand_names),
            ("codes.ndc", &front.ndc),
        ] {
            for (i, value) in list.iter().enumerate() {
                self.place(format!("{path}[{i}]"), value.offset);
            }
        }
    }

    /// Marks the precautions that the front matter's `alerts` name by
    /// their term; an alert that names none is an error.
    pub(super) fn mark_alerts(
        &mut self,
        front: &FrontMatter,
        precautions: Option<&mut Precautions>,
        outline: &Outline,
    ) {
        let Some(precautions) = precautions else {
            let heading = Heading::Section(Section::Precautions);
            let has_heading = outline.sections.iter().any(|s| s.heading == heading);
            if let (Some(alert), false) = (front.alerts.first(), has_heading) {
                self.report(
                    alert.offset,
                    Kind::UnknownAlert,
                    format!(
                        "`alerts` names \"{}\", but there is no \"Precautions\" section: \
                         alerts mark precautions by their term",
                        alert.value
                    ),
                );
            }
            return;
        };
        for alert in &front.alerts {
            let wanted = collapse(&alert.value).to_lowercase();
            let mut found = false;
            for item in &mut precautions.items {
                if item.term.to_lowercase() == wanted {
                    item.alert = true;
                    found = true;
                }
            }
            if !found {
                let terms: Vec<&str> = precautions.items.iter().map(|i| i.term.as_str()).collect();
                let hint = suggest(&alert.value, &terms)
                    .map(|t| format!(" (did you mean \"{t}\"?)"))
                    .unwrap_or_default();
                self.report(
                    alert.offset,
                    Kind::UnknownAlert,
                    format!(
                        "`alerts` names \"{}\"{hint}, but no precaution has that term: the \
                         precautions are {}",
                        alert.value,
                        terms.join(", ")
                    ),
                );
            }
        }
    }
}
