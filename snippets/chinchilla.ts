/**
 * Chinchilla's compute-optimal scaling (Hoffmann et al. 2022, arXiv 2203.15556), Approach 3:
 * the fitted loss L(N, D) = E + A/N^α + B/D^β (Section 3.3; constants in Appendix D.2, Eq. 10)
 * minimised under the compute budget C ≈ 6·N·D.
 */
export interface LossFit {
  E: number
  A: number
  B: number
  alpha: number
  beta: number
}

// #region loss
/** The constants as printed in the paper's Appendix D.2 (rounded). */
export const CHINCHILLA_FIT: LossFit = {
  E: 1.69,
  A: 406.4,
  B: 410.7,
  alpha: 0.34,
  beta: 0.28,
}

/** Predicted loss of a model with N parameters trained on D tokens. */
export function loss(N: number, D: number, f: LossFit = CHINCHILLA_FIT): number {
  return f.E + f.A / N ** f.alpha + f.B / D ** f.beta
}

/** Training FLOPs: about 6 per parameter per token (forward + backward). */
export const trainingFlops = (N: number, D: number) => 6 * N * D
// #endregion loss

// #region optimum
/**
 * The loss-optimal split of a compute budget C (the paper's Eq. 4):
 * N = G·(C/6)^a, D = (C/6)^b / G, with G = (αA / βB)^(1/(α+β)),
 * a = β/(α+β), b = α/(α+β).
 */
export function computeOptimal(C: number, f: LossFit = CHINCHILLA_FIT) {
  const G = ((f.alpha * f.A) / (f.beta * f.B)) ** (1 / (f.alpha + f.beta))
  const a = f.beta / (f.alpha + f.beta)
  const b = f.alpha / (f.alpha + f.beta)
  const N = G * (C / 6) ** a
  const D = (C / 6) ** b / G
  return { N, D, loss: loss(N, D, f), a, b }
}

/** Loss along one budget C: each size N gets the D = C / 6N tokens left. */
export function isoComputeLoss(C: number, N: number, f = CHINCHILLA_FIT): number {
  return loss(N, C / (6 * N), f)
}
// #endregion optimum

/** Inverse of `computeOptimal`: the budget for which N parameters is the optimal size. */
export function budgetForOptimalSize(N: number, f: LossFit = CHINCHILLA_FIT): number {
  const G = ((f.alpha * f.A) / (f.beta * f.B)) ** (1 / (f.alpha + f.beta))
  const a = f.beta / (f.alpha + f.beta)
  return 6 * (N / G) ** (1 / a)
}
