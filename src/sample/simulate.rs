//! A region's clean values, quarter by quarter, before anything is written.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::check::problems;
use super::model::{quarter, Profile, Quarter, Values, MEAN_CLA};
use super::{SampleError, SampleOptions};
use crate::period::Period;
use crate::schema::{La, Schema};

/// The LA that approves mostly full carers in large numbers, when in the region
/// (Oxfordshire); otherwise the region's largest LA plays the part.
pub const OUTLIER_LA: &str = "931";
/// The outlier's approvals as a share of the other LAs' approvals, and its temporary share.
const OUTLIER_VOLUME: f64 = 0.3;
const OUTLIER_TEMPORARY: f64 = 0.1;
/// The region's SGO share of exits in the first and last quarter.
const SGO_SHARE_FIRST: f64 = 0.113;
const SGO_SHARE_LAST: f64 = 0.098;
/// Bounds of an LA's children looked after.
const MIN_CLA: f64 = 80.0;
const MAX_CLA: f64 = 2200.0;
/// Draws of a quarter before falling back to repeating the previous one.
const ATTEMPTS: usize = 40;

/// One LA's clean values for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanReturn {
    pub la: La,
    pub period: Period,
    pub values: Values,
}

/// Every LA's clean values for every period, periods ascending, LAs in region order.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub returns: Vec<CleanReturn>,
    /// DfE code of the approvals outlier.
    pub outlier: Option<String>,
}

impl Dataset {
    pub fn get(&self, la_code: &str, period: Period) -> Option<&CleanReturn> {
        self.returns
            .iter()
            .find(|r| r.la.code == la_code && r.period == period)
    }
}

/// Draws the region's values from `options.seed`. Deterministic on every platform.
pub fn simulate(schema: &Schema, options: &SampleOptions) -> Result<Dataset, SampleError> {
    let periods = &options.periods;
    check_periods(options)?;
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let (profiles, outlier) = profiles(&mut rng, &options.region);
    let n = options.region.len();
    let mut region = Region {
        schema,
        las: &options.region,
        profiles,
        outlier,
        levels: vec![1.0; n],
        prev: vec![None; n],
    };
    let mut returns = Vec::new();
    for (t, &period) in periods.iter().enumerate() {
        let now = region.quarter(sgo_share(t, periods.len()), &mut rng)?;
        for (i, v) in now.into_iter().enumerate() {
            let Some(values) = v else { continue };
            returns.push(CleanReturn {
                la: options.region[i].clone(),
                period,
                values: values.clone(),
            });
            region.prev[i] = Some(values);
        }
    }
    Ok(Dataset {
        returns,
        outlier: outlier.map(|i| options.region[i].code.clone()),
    })
}

fn check_periods(options: &SampleOptions) -> Result<(), SampleError> {
    if options.region.is_empty() || options.periods.is_empty() {
        return Err(SampleError::Options(
            "give at least one LA and one period".into(),
        ));
    }
    if options.periods.windows(2).any(|w| w[0].next() != w[1]) {
        return Err(SampleError::Options(
            "the periods must be consecutive quarters, ascending".into(),
        ));
    }
    Ok(())
}

/// Every LA's profile, scaled to bring the region near its size, and which LA
/// is the approvals outlier (made at least an average-sized LA).
fn profiles(rng: &mut ChaCha8Rng, las: &[La]) -> (Vec<Profile>, Option<usize>) {
    let mut profiles: Vec<Profile> = las.iter().map(|la| Profile::draw(rng, la)).collect();
    let drawn: f64 = profiles.iter().map(|p| p.cla).sum();
    let factor = MEAN_CLA * profiles.len() as f64 / drawn;
    profiles
        .iter_mut()
        .for_each(|p| p.scale(factor, MIN_CLA, MAX_CLA));
    let outlier = las.iter().position(|la| la.code == OUTLIER_LA).or_else(|| {
        (0..profiles.len()).max_by(|&a, &b| profiles[a].cla.total_cmp(&profiles[b].cla))
    });
    if let Some(p) = outlier.and_then(|i| profiles.get_mut(i)) {
        // Large volume: at least an average-sized LA.
        p.scale(1.0_f64.max(MEAN_CLA / p.cla), MIN_CLA, MAX_CLA);
    }
    (profiles, outlier)
}

/// The region's SGO share of exits in quarter `t` of `n`, moving evenly from the first to the last.
fn sgo_share(t: usize, n: usize) -> f64 {
    let progress = if n > 1 {
        t as f64 / (n - 1) as f64
    } else {
        0.5
    };
    SGO_SHARE_FIRST + (SGO_SHARE_LAST - SGO_SHARE_FIRST) * progress
}

/// What one quarter's draws carry to the next.
struct Region<'a> {
    schema: &'a Schema,
    las: &'a [La],
    profiles: Vec<Profile>,
    outlier: Option<usize>,
    /// Each LA's size relative to its first quarter.
    levels: Vec<f64>,
    /// Each LA's previous quarter, once drawn.
    prev: Vec<Option<Values>>,
}

impl Region<'_> {
    /// Every LA's values for one quarter: the outlier last, since its approvals
    /// are a share of everyone else's.
    fn quarter(
        &mut self,
        sgo_share: f64,
        rng: &mut ChaCha8Rng,
    ) -> Result<Vec<Option<Values>>, SampleError> {
        let n = self.las.len();
        let mut now: Vec<Option<Values>> = vec![None; n];
        let mut others_approvals = 0.0;
        let outlier = self.outlier;
        for i in (0..n).filter(|&i| Some(i) != outlier) {
            let v = self.draw_la(i, sgo_share, None, rng)?;
            others_approvals +=
                v.get("D01").copied().unwrap_or(0.0) + v.get("D02").copied().unwrap_or(0.0);
            now[i] = Some(v);
        }
        if let Some(i) = outlier {
            let volume = (others_approvals * OUTLIER_VOLUME).round();
            let temporary = (volume * OUTLIER_TEMPORARY).round();
            let approvals = Some((temporary, volume - temporary));
            now[i] = Some(self.draw_la(i, sgo_share, approvals, rng)?);
        }
        Ok(now)
    }

    fn draw_la(
        &mut self,
        i: usize,
        sgo_share: f64,
        approvals: Option<(f64, f64)>,
        rng: &mut ChaCha8Rng,
    ) -> Result<Values, SampleError> {
        let q = Quarter {
            profile: &self.profiles[i],
            level: self.levels[i],
            sgo_share,
            approvals,
        };
        draw(
            self.schema,
            q,
            &mut self.levels[i],
            self.prev[i].as_ref(),
            rng,
            &self.las[i],
        )
    }
}

/// Draws one LA-quarter that raises no finding against its previous quarter;
/// the size moves by at most a few percent a quarter.
fn draw(
    schema: &Schema,
    q: Quarter,
    level: &mut f64,
    prev: Option<&Values>,
    rng: &mut ChaCha8Rng,
    la: &La,
) -> Result<Values, SampleError> {
    let mut last = Vec::new();
    for _ in 0..ATTEMPTS {
        let next_level = if prev.is_some() {
            *level * rng.random_range(0.985..=1.02)
        } else {
            *level
        };
        let values = current_codes(
            schema,
            quarter(
                &Quarter {
                    level: next_level,
                    ..q
                },
                rng,
            ),
        );
        last = problems(schema, &values, prev);
        if last.is_empty() {
            *level = next_level;
            return Ok(values);
        }
    }
    match prev {
        // A quarter like the last one is always consistent.
        Some(p) => Ok(p.clone()),
        None => Err(SampleError::Model(format!(
            "{}: {}",
            la.name,
            last.join("; ")
        ))),
    }
}

/// The model draws the first template version's items; returns are written in
/// the current one: a renamed item's value goes under its new code, and an
/// item the current version does not have is left out.
fn current_codes(schema: &Schema, drawn: Values) -> Values {
    let version = schema.template.version;
    drawn
        .into_iter()
        .filter_map(|(code, x)| Some((schema.code_in(&code, version)?.to_string(), x)))
        .collect()
}
