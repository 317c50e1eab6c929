namespace Assistant.Domain.Importing;

/// <summary>
/// Hands the layout one row at a time. Cells spanned by a horizontal merge are left out (the text
/// is in the first cell). For a stream grid the rows are re-cut to the width of the current block's
/// header, never across a piece that starts a new block.
/// </summary>
internal sealed class RowSource(Grid grid)
{
    private readonly List<List<GridCell>> pieces = grid.Rows.Select(r => Anchors(r.Cells)).ToList();

    /// <summary>The cells not spanned, each with the number of grid columns it covers.</summary>
    private static List<GridCell> Anchors(IReadOnlyList<GridCell> cells)
    {
        var list = new List<GridCell>(cells.Count);
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i].Spanned && list.Count > 0)
            {
                list[^1] = list[^1] with { Width = list[^1].Width + 1 };
            }
            else if (!cells[i].Spanned)
            {
                list.Add(cells[i]);
            }
        }

        return list;
    }
    private int piece;
    private int offset;

    public List<GridCell>? Next(int width, Func<List<GridCell>, bool> isBoundary)
    {
        if (piece >= pieces.Count)
        {
            return null;
        }

        if (!grid.Stream || width <= 0 || (offset == 0 && isBoundary(pieces[piece])))
        {
            List<GridCell> rest = offset == 0 ? pieces[piece] : pieces[piece].Skip(offset).ToList();
            piece++;
            offset = 0;
            return rest;
        }

        var row = new List<GridCell>(width);
        while (row.Count < width && piece < pieces.Count)
        {
            if (offset == 0 && row.Count > 0 && isBoundary(pieces[piece]))
            {
                break;
            }

            List<GridCell> p = pieces[piece];
            int take = Math.Min(width - row.Count, p.Count - offset);
            row.AddRange(p.Skip(offset).Take(take));
            offset += take;
            if (offset >= p.Count)
            {
                piece++;
                offset = 0;
            }
        }

        return row;
    }
}
