namespace Assistant.Domain.Verification;

/// <summary>Which facts a number may be checked against, as a value (session 26: no closure and delegate per number).</summary>
public sealed partial class Verifier
{
    private enum ScopeKind
    {
        /// <summary>Every fact.</summary>
        All,

        /// <summary>The named indicators' facts (or every fact when none is named; the funds' when the clause speaks of funds) that play the number's role.</summary>
        Named,

        /// <summary>A rate's own operands: actual ÷ target of the named indicator, executed ÷ budget of a fund line.</summary>
        Operands,

        /// <summary>The facts of the other indicators the clause also names that play the number's role.</summary>
        Also,

        /// <summary>Facts of the number's kind of unit that play its role (a gap only for a gap).</summary>
        SameKind,

        /// <summary>Facts of another indicator than the named ones, in the number's base unit.</summary>
        Other,
    }

    /// <summary>One of the tests the verifier used to pass as a lambda, with what it needs.</summary>
    private readonly struct Scope(ScopeKind kind, IReadOnlyList<int> named, bool fundWords, Role role, Mention m)
    {
        private bool AnyRole => role is Role.None or Role.Gap;

        public bool Allows(Candidate c) => kind switch
        {
            ScopeKind.All => true,
            ScopeKind.Named =>
                (named.Count == 0 || (c.Fact.IndicatorIndex is { } i ? IndexOf(named, i) >= 0 : c.Fact.FundLineIndex is null || fundWords))
                && (AnyRole || Plays(c, role)),
            ScopeKind.Operands => (named.Count == 0 || c.Fact.IndicatorIndex is not { } o || IndexOf(named, o) >= 0) && IsOperandOf(c, role),
            ScopeKind.Also => c.Fact.IndicatorIndex is { } a && IndexOf(named, a) >= 0 && (AnyRole || Plays(c, role)),
            ScopeKind.SameKind => Verifier.SameKind(m.Unit, c.Unit) && (AnyRole || Plays(c, role)) && (role == Role.Gap || !IsGapFact(c.Measure)),
            ScopeKind.Other => c.Fact.IndicatorIndex is { } x && IndexOf(named, x) < 0 && c.Unit.Base == m.Unit.Base,
            _ => false,
        };
    }
}
