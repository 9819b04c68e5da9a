namespace Usm.Model.Internal;

/// <summary>
/// A small, fast pseudo-random generator with a fixed, published algorithm, so that a seed gives the same numbers on
/// every .NET version and operating system (<see cref="Random"/> promises no such thing across versions).
/// </summary>
/// <remarks>
/// <para>The generator is xoshiro256** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom number generators",
/// ACM Transactions on Mathematical Software 47(4), 2021; reference code at https://prng.di.unimi.it/): a 256-bit
/// state updated by shifts, rotations and exclusive ors, and an output scrambled as rotl(s₁ · 5, 7) · 9.</para>
/// <para>A 64-bit seed fills the state through four outputs of SplitMix64 (Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014), as the authors of xoshiro recommend, so that no seed (not even 0)
/// gives the all-zero state.</para>
/// <para>A double in [0, 1) is the top 53 bits of an output times 2⁻⁵³, every value a multiple of 2⁻⁵³.</para>
/// <para>All arithmetic is modulo 2⁶⁴ (unchecked). Not thread-safe: one instance per analysis.</para>
/// </remarks>
internal sealed class Xoshiro256StarStar
{
    private const double Unit = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator whose state is four SplitMix64 outputs of the seed.</summary>
    /// <param name="seed">Any 64-bit value.</param>
    public Xoshiro256StarStar(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Creates a generator with an explicit state (for the reference test vectors); not all zero.</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        Preconditions.CheckArgument((s0 | s1 | s2 | s3) != 0, nameof(s0), "The state of xoshiro256** must not be all zero.");
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>
    /// One step of SplitMix64: adds the golden-ratio increment 0x9E3779B97F4A7C15 to the state and returns the state
    /// mixed by two multiply-xorshift rounds.
    /// </summary>
    /// <param name="state">The state, advanced in place.</param>
    /// <returns>The next output.</returns>
    public static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next 64-bit output.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>The next double in [0, 1): the output's top 53 bits times 2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * Unit;

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
