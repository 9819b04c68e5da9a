using Usm.Model.Internal;

namespace Usm.Model.Improvement.Simulation;

/// <summary>
/// One risk's own random stream: a xoshiro256** generator seeded from the analysis seed and the risk's id, with the
/// variates the simulation needs (uniform, standard normal, gamma, Beta-PERT, Poisson).
/// </summary>
/// <remarks>
/// <para>Derivation of the stream (platform-independent): s = the first SplitMix64 output of the analysis seed; the
/// stream seed is s XOR FNV-1a-64(id) (<see cref="Hashing.Fnv1a64"/>, over the id's UTF-16 code units); the risk's
/// generator is xoshiro256** seeded with that value (four SplitMix64 outputs). A risk's draws depend only on the seed,
/// its id and its own estimate: never on the other risks or their order.</para>
/// <para>Normal variates: Marsaglia's polar method (G. Marsaglia and T. A. Bray, "A convenient method for generating
/// normal variables", SIAM Review 6(3), 1964), which gives two per accepted pair; the second is kept for the next call.
/// Gamma variates: G. Marsaglia and W. W. Tsang, "A simple method for generating gamma variables", ACM Transactions
/// on Mathematical Software 26(3), 2000, for shape ≥ 1 (every Beta-PERT shape is in [1, 5]).</para>
/// <para>The uniform numbers are bit-identical everywhere; the transforms use <see cref="Math.Sqrt"/> (exactly
/// rounded by IEEE 754), <see cref="Math.Log(double)"/> and <see cref="Math.Exp"/> (the platform's libm), so a different libm could in principle move
/// a last bit.</para>
/// <para>Not thread-safe: one instance per risk and per thread.</para>
/// </remarks>
internal sealed class SimulationStream
{
    private readonly Xoshiro256StarStar _rng;
    private double _spareNormal;
    private bool _hasSpare;

    private SimulationStream(ulong streamSeed) => _rng = new Xoshiro256StarStar(streamSeed);

    /// <summary>The stream seed of a risk: the first SplitMix64 output of the seed, XOR the FNV-1a-64 hash of the id.</summary>
    public static ulong StreamSeed(ulong seed, string id)
    {
        var state = seed;
        return Xoshiro256StarStar.SplitMix64(ref state) ^ Hashing.Fnv1a64(id);
    }

    /// <summary>Creates the stream of one risk (or scenario) id under an analysis seed.</summary>
    public static SimulationStream For(ulong seed, string id) => new(StreamSeed(seed, id));

    /// <summary>The next double in [0, 1).</summary>
    public double NextDouble() => _rng.NextDouble();

    /// <summary>A standard normal variate by the polar method.</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        while (true)
        {
            var u = (2 * _rng.NextDouble()) - 1;
            var v = (2 * _rng.NextDouble()) - 1;
            var s = (u * u) + (v * v);
            if (s >= 1 || s == 0)
            {
                continue;
            }

            var factor = Math.Sqrt(-2 * Math.Log(s) / s);
            _spareNormal = v * factor;
            _hasSpare = true;
            return u * factor;
        }
    }

    /// <summary>A Gamma(shape, 1) variate for shape ≥ 1 (Marsaglia and Tsang): always positive.</summary>
    public double NextGamma(double shape)
    {
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = NextNormal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = _rng.NextDouble();
            var x2 = x * x;
            if (u < 1 - (0.0331 * x2 * x2))
            {
                return d * v;
            }

            if (u > 0 && Math.Log(u) < (0.5 * x2) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>
    /// A Beta-PERT variate on [a, b] with mode m (λ = 4): a + (b − a) · X with X = G₁ / (G₁ + G₂),
    /// G₁ ~ Gamma(α), G₂ ~ Gamma(β), α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a); clamped to [a, b] against
    /// the last bit of rounding; a itself when a = b (no draw).
    /// </summary>
    public double NextPert(double a, double m, double b)
    {
        if (a == b)
        {
            return a;
        }

        var range = b - a;
        var alpha = 1 + (4 * (m - a) / range);
        var beta = 1 + (4 * (b - m) / range);
        var g1 = NextGamma(alpha);
        var g2 = NextGamma(beta);
        return Math.Clamp(a + (range * (g1 / (g1 + g2))), a, b);
    }

    /// <summary>
    /// A Poisson variate with mean λ ≥ 0, by Knuth's product of uniforms (D. E. Knuth, The Art of Computer Programming,
    /// Vol. 2, 3rd ed., 1997, §3.4.1): count the uniforms whose running product stays above e^(−λ). λ is split into
    /// parts of at most 16 (a sum of independent Poisson variates is Poisson with the summed mean), so e^(−part) never
    /// underflows; the cost is O(λ) uniforms.
    /// </summary>
    public int NextPoisson(double mean)
    {
        var count = 0;
        var remaining = mean;
        while (remaining > 0)
        {
            var part = Math.Min(remaining, 16);
            remaining -= part;
            var limit = Math.Exp(-part);
            var product = _rng.NextDouble();
            while (product > limit)
            {
                count++;
                product *= _rng.NextDouble();
            }
        }

        return count;
    }
}
