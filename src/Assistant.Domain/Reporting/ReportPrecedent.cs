namespace Assistant.Domain.Reporting;

/// <summary>A past report's passage a part may lean on, numbered as the part's source [S<see cref="Number"/>].</summary>
public sealed record ReportPrecedent(int Number, string Title, string SectionPath, string Text);

/// <summary>A part as composed: the draft with numbers as fact references (one paragraph a line) and the notes beside it.</summary>
public sealed record ComposedPart(string Key, string Draft, IReadOnlyList<Drafting.ReviewNote> Notes);
