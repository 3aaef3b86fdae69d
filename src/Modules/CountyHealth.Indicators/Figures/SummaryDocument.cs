using CountyHealth.Kernel.Modules;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyHealth.Indicators.Figures;

/// <summary>The work-summary draft as a Word document (.docx, DocumentFormat.OpenXml): the same text as the page.</summary>
internal sealed class SummaryDocument(WriteWorkSummary summary) : IUseCase
{
    public async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(SummaryQuery q, CancellationToken ct)
    {
        return FileResults.Of<WorkSummaryDraft>((await summary.HandleAsync(q, ct)).Result,
            draft => TypedResults.File(Write(draft), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{draft.Title}.docx"));
    }

    internal static byte[] Write(WorkSummaryDraft draft)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(draft.Title, bold: true, size: 36, centred: true));
            body.Append(Paragraph($"（统计期：{draft.Period}；数字均由系统按指标定义自动生成）", size: 21, centred: true));
            foreach (var s in draft.Sections)
            {
                body.Append(Paragraph(s.Heading, bold: true, size: 28));
                body.Append(Paragraph(s.Text, size: 24, indent: true));
            }
            body.Append(Paragraph("存在问题", bold: true, size: 28));
            var n = 0;
            foreach (var p in draft.Problems.DefaultIfEmpty("各项指标均达到目标进度，未见较上年变差的指标。"))
            {
                body.Append(Paragraph(draft.Problems.Count == 0 ? p : $"{++n}. {p}", size: 24, indent: true));
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24, bool centred = false, bool indent = false)
    {
        var props = new RunProperties(new RunFonts { EastAsia = "宋体", Ascii = "Times New Roman", HighAnsi = "Times New Roman" }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            props.Append(new Bold());
        }
        var paragraphProps = new ParagraphProperties();
        if (centred)
        {
            paragraphProps.Append(new Justification { Val = JustificationValues.Center });
        }
        if (indent)
        {
            // Two characters' first-line indent, as Chinese prose is set.
            paragraphProps.Append(new Indentation { FirstLineChars = 200 });
        }
        return new Paragraph(paragraphProps, new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
