using CountyHealth.Kernel.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace CountyHealth.Indicators.Figures;

/// <summary>
/// The statistics table as an Excel workbook (MiniExcel): one row an institution, for each indicator its value, 同比,
/// 环比 (a month or a quarter) and 名次 — the same figures as the screen, numbers as numbers so the bureau can go on calculating.
/// </summary>
internal sealed class StatisticsWorkbook(GetStatistics statistics) : IUseCase
{
    public async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(StatisticsQuery q, CancellationToken ct)
    {
        return FileResults.Of<StatisticsReport>((await statistics.HandleAsync(q, ct)).Result, Workbook);
    }

    private static FileContentHttpResult Workbook(StatisticsReport report)
    {
        var rows = report.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { ["机构"] = r.Name, ["类别"] = r.KindName };
            foreach (var (column, cell) in report.Columns.Zip(r.Cells))
            {
                row[$"{column.Name}（{column.Unit}）"] = cell.Value;
                row[$"{column.Name}·同比（{(cell.ChangeUnit == "%" ? "%" : "百分点")}）"] = cell.YearOnYear;
                if (report.HasPeriodBefore)
                {
                    row[$"{column.Name}·环比（{(cell.ChangeUnit == "%" ? "%" : "百分点")}）"] = cell.PeriodOnPeriod;
                }
                row[$"{column.Name}·名次"] = cell.Rank is { } rank ? $"{rank}/{cell.Peers}" : null;
            }
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: report.Period);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"指标统计-{report.Period}.xlsx");
    }
}

/// <summary>A document made from a use case's answer, or the use case's problem passed on as it is.</summary>
internal static class FileResults
{
    public static Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult> Of<T>(IResult result, Func<T, FileContentHttpResult> file) => result switch
    {
        Ok<T> { Value: { } value } => file(value),
        ValidationProblem v => v,
        ProblemHttpResult p => p,
        _ => throw new InvalidOperationException($"unexpected result {result.GetType().Name}"),
    };
}
