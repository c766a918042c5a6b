//! A rating in the scale it came in (`3.5/5`, `7/10`, `★★★`, `B+`), with a normalised 0–100 value.

use serde::{Deserialize, Serialize};

use super::ValidationError;

/// A rating as its source gave it.
///
/// Serialises as `{"value": 3.5, "scale": 5}` for stars and `n/m` scores, and as
/// `{"value": "B+", "scale": "letter"}` for letter grades.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Rating {
    /// A number out of a maximum: stars (`scale` 4 or 5), `7/10`, `85/100`.
    Points {
        /// The score, e.g. 3.5.
        value: f64,
        /// The best possible score, e.g. 5.
        scale: u16,
    },
    /// A school grade from `A+` down to `F`.
    Letter {
        /// The grade as written, upper-cased: `A+`, `B-`, `F`.
        value: String,
        /// Always [`LetterScale::Letter`]; present so the JSON says which scale this is.
        scale: LetterScale,
    },
}

/// Marker for the letter-grade scale; serialises as `"letter"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LetterScale {
    /// `A+` … `F`.
    Letter,
}

/// Letter grades from best to worst with their normalised value.
const LETTER_GRADES: [(&str, f64); 13] = [
    ("A+", 100.0),
    ("A", 95.0),
    ("A-", 90.0),
    ("B+", 85.0),
    ("B", 80.0),
    ("B-", 75.0),
    ("C+", 65.0),
    ("C", 60.0),
    ("C-", 55.0),
    ("D+", 45.0),
    ("D", 40.0),
    ("D-", 35.0),
    ("F", 0.0),
];

impl Rating {
    /// A points rating, checked to lie inside its scale.
    pub fn points(value: f64, scale: u16) -> Result<Self, ValidationError> {
        let rating = Self::Points { value, scale };
        rating.validate()?;
        Ok(rating)
    }

    /// A letter grade such as `B+`; `None` when the text is not a grade.
    pub fn letter(grade: &str) -> Option<Self> {
        let grade = grade.trim().to_uppercase().replace('−', "-");
        LETTER_GRADES
            .iter()
            .any(|(g, _)| *g == grade)
            .then_some(Self::Letter {
                value: grade,
                scale: LetterScale::Letter,
            })
    }

    /// Checks the value lies inside its scale.
    pub fn validate(&self) -> Result<(), ValidationError> {
        match self {
            Self::Points { value, scale } => {
                if *scale == 0 || !value.is_finite() || *value < 0.0 || *value > f64::from(*scale) {
                    return Err(ValidationError::RatingOutOfScale {
                        rating: self.to_string(),
                    });
                }
                Ok(())
            }
            Self::Letter { value, .. } => {
                if LETTER_GRADES.iter().any(|(g, _)| g == value) {
                    Ok(())
                } else {
                    Err(ValidationError::RatingOutOfScale {
                        rating: value.clone(),
                    })
                }
            }
        }
    }

    /// The rating on a 0–100 scale, so ratings from different outlets compare.
    pub fn normalised(&self) -> f64 {
        match self {
            Self::Points { value, scale } => (value / f64::from(*scale) * 100.0).clamp(0.0, 100.0),
            Self::Letter { value, .. } => LETTER_GRADES
                .iter()
                .find(|(g, _)| g == value)
                .map_or(0.0, |(_, n)| *n),
        }
    }

    /// The scale as stored in the database: the maximum as digits, or `letter`.
    pub fn scale_code(&self) -> String {
        match self {
            Self::Points { scale, .. } => scale.to_string(),
            Self::Letter { .. } => "letter".to_owned(),
        }
    }

    /// Rebuilds a rating from its stored value and scale code; `None` if they do not fit together.
    pub fn from_stored(value: &str, scale_code: &str) -> Option<Self> {
        if scale_code == "letter" {
            return Self::letter(value);
        }
        let scale: u16 = scale_code.parse().ok()?;
        let value: f64 = value.parse().ok()?;
        Self::points(value, scale).ok()
    }

    /// The value as stored in the database: the number, or the grade.
    pub fn value_text(&self) -> String {
        match self {
            Self::Points { value, .. } => format_number(*value),
            Self::Letter { value, .. } => value.clone(),
        }
    }
}

impl std::fmt::Display for Rating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Points { value, scale } => write!(f, "{}/{scale}", format_number(*value)),
            Self::Letter { value, .. } => f.write_str(value),
        }
    }
}

/// `3.5` stays `3.5`, `4.0` becomes `4`.
fn format_number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_normalise_and_validate() {
        let r = Rating::points(3.5, 5).unwrap();
        assert_eq!(r.normalised(), 70.0);
        assert_eq!(r.to_string(), "3.5/5");
        assert!(Rating::points(6.0, 5).is_err());
        assert!(Rating::points(-1.0, 10).is_err());
        assert!(Rating::points(1.0, 0).is_err());
    }

    #[test]
    fn letters_parse_and_round_trip() {
        let r = Rating::letter(" b+ ").unwrap();
        assert_eq!(r.to_string(), "B+");
        assert_eq!(r.normalised(), 85.0);
        assert!(Rating::letter("E").is_none());
        let back = Rating::from_stored(&r.value_text(), &r.scale_code()).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn json_shape_matches_the_contract() {
        let stars = serde_json::to_value(Rating::points(3.5, 5).unwrap()).unwrap();
        assert_eq!(stars, serde_json::json!({"value": 3.5, "scale": 5}));
        let grade = serde_json::to_value(Rating::letter("B+").unwrap()).unwrap();
        assert_eq!(grade, serde_json::json!({"value": "B+", "scale": "letter"}));
    }
}
