//! Coordinate ascent, the fit of the hand-readable weight tables (`fit-summary`,
//! `fit-keywords`): one weight moves at a time by a step, a move is kept when the
//! objective improves, the step halves when no move helps; then the steps start over
//! from where they stopped (to leave a shallow optimum), until a round brings nothing
//! or the rounds run out. One weight stays fixed: scaling every weight changes no
//! ranking, so it sets the scale.

const FIRST_STEP: f32 = 0.5;
const LAST_STEP: f32 = 0.03;
/// The least gain that counts as one (both objectives are means over thousands of
/// articles, so smaller differences are rounding).
const MIN_GAIN: f64 = 1e-6;

/// Climbs from `weights` (named `names`, `fixed` left alone), whose objective `best` the
/// caller has already computed to print it (each objective is a pass over thousands of
/// articles), for at most `rounds` rounds, trying only the values `allowed(index,
/// value)` accepts, printing each kept move; returns the weights reached and their
/// objective.
pub fn ascend<const N: usize>(
    (mut weights, mut best): ([f32; N], f64),
    names: &[&str; N],
    fixed: usize,
    rounds: usize,
    allowed: impl Fn(usize, f32) -> bool,
    objective: impl Fn(&[f32; N]) -> f64,
) -> ([f32; N], f64) {
    for round in 1..=rounds {
        let start = best;
        let mut step = FIRST_STEP;
        while step >= LAST_STEP {
            let mut moved = false;
            for k in (0..N).filter(|&k| k != fixed) {
                for delta in [step, -step] {
                    let mut trial = weights;
                    trial[k] += delta;
                    if !allowed(k, trial[k]) {
                        continue;
                    }
                    let value = objective(&trial);
                    if value > best + MIN_GAIN {
                        best = value;
                        weights = trial;
                        moved = true;
                        println!("  round {round}: {:<20} {:+.3} -> {best:.3}", names[k], weights[k]);
                        break;
                    }
                }
            }
            if !moved {
                step /= 2.0;
            }
        }
        if best <= start + MIN_GAIN {
            break;
        }
    }
    (weights, best)
}
