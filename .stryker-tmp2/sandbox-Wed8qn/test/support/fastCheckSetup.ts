// Property tests run with a fixed seed, so a run of `npm test` (and CI) is repeatable. Explore new inputs
// with FC_SEED=<number> (any seed), and keep every counterexample found that way as a plain test.
import fc from 'fast-check';

const seed = process.env.FC_SEED === undefined ? 20261128 : Number(process.env.FC_SEED);
fc.configureGlobal({ seed: Number.isFinite(seed) ? seed : Date.now() });
