namespace CountyHealth.Kernel.Text;

/// <summary>
/// The shipped tables' one text format (disease lists, schedules, code tables): tab-separated, '#' comment lines and
/// blank lines skipped, the first other line a header.
/// </summary>
public static class TabSeparated
{
    /// <summary>The data lines with their line numbers (for an error that names the line), cut into cells.</summary>
    public static IEnumerable<(int Line, string[] Cells)> Rows(string text)
    {
        var header = true;
        var n = 0;
        foreach (var raw in text.Split('\n'))
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (header)
            {
                header = false;
                continue;
            }
            yield return (n, line.Split('\t'));
        }
    }
}
