namespace CountyHealth.Kernel.Time;

/// <summary>How long is left before a legal deadline (a report card's 2 or 24 hours), as the screens say it.</summary>
public static class Deadlines
{
    /// <summary>"剩余 1 小时 52 分" before the deadline (a part of a minute counts as a minute), "已超时 3 小时 5 分" after it.</summary>
    public static (string Text, bool Overdue) Describe(DateTime dueUtc, DateTime nowUtc)
    {
        var left = dueUtc - nowUtc;
        if (left >= TimeSpan.Zero)
        {
            return ("剩余 " + Span(TimeSpan.FromMinutes(Math.Ceiling(left.TotalMinutes))), false);
        }
        return ("已超时 " + Span(TimeSpan.FromMinutes(Math.Floor(-left.TotalMinutes))), true);
    }

    private static string Span(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours} 小时 {t.Minutes} 分" : $"{t.Minutes} 分";
}
