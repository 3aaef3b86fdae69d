using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Diagnoses;
using CountyHealth.Platform.Domain;
using CountyHealth.Platform.Seeding;
using Xunit;
using Xunit.Abstractions;

namespace CountyHealth.Tests.Unit.Platform;

/// <summary>
/// The shipped ICD-10 dictionary searched as the doctor's search box searches it (the same matcher, run over LINQ to
/// Objects): by initials of any reading, by the words doctors use, however punctuated.
/// </summary>
public sealed class DiagnosisSearchTests(ITestOutputHelper output)
{
    /// <summary>What the doctor's search box shows (the endpoint's default page).</summary>
    private const int FirstPage = 20;

    private static readonly Lazy<List<Icd10Entry>> Dictionary = new(PlatformDemoData.ShippedDictionary);

    private static List<string> Codes(string query) =>
        DiagnosisDictionary.Matching(Dictionary.Value.AsQueryable(), SearchTerm.Parse(query)).Select(e => e.Code).ToList();

    [Theory]
    [InlineData("PGY", "N30")] // 膀胱炎: páng guāng
    [InlineData("BGY", "N30")] // … and by its characters' first readings, as the key was before
    [InlineData("pgy", "N30")]
    [InlineData("ＰＧＹ", "N30")]
    [InlineData("GXY", "I10")] // 高血压 (an alias), and inside TFXYFXGXY
    [InlineData("YFXGXY", "I10")] // 原发性高血压, inside 特发性(原发性)高血压
    [InlineData("TFXYFXGXY", "I10")]
    [InlineData("高血压", "I10")]
    [InlineData("原发性高血压", "I10")]
    [InlineData("原发性(高血压)", "I10")]
    [InlineData("I10", "I10")]
    [InlineData("i10", "I10")]
    [InlineData("冠心病", "I25")]
    [InlineData("GXB", "I25")]
    [InlineData("慢阻肺", "J44")]
    [InlineData("MZF", "J44")]
    [InlineData("COPD", "J44")]
    [InlineData("上感", "J06")]
    [InlineData("上呼吸道感染", "J06")]
    [InlineData("糖尿病", "E11")]
    [InlineData("2型糖尿病", "E11")]
    [InlineData("Ⅱ型糖尿病", "E11")]
    [InlineData("II型糖尿病", "E11")]
    [InlineData("二型糖尿病", "E11")]
    [InlineData("２型　糖尿病", "E11")]
    [InlineData("1型糖尿病", "E10")]
    [InlineData("脑梗", "I63")]
    [InlineData("老慢支", "J42")]
    [InlineData("感冒", "J00")] // the bracketed part of 急性鼻咽炎[感冒]
    [InlineData("兔热病", "A21")] // 土拉菌病[兔热病]
    [InlineData("TRB", "A21")]
    [InlineData("肾恶性肿瘤", "C64")] // 肾(除外肾盂)恶性肿瘤 without its bracket
    [InlineData("HIV", "B20")]
    public void A_query_finds_the_code_first(string query, string code)
    {
        Assert.Equal(code, Codes(query).FirstOrDefault());
    }

    [Fact]
    public void Punctuation_alone_finds_nothing() => Assert.Empty(Codes("（）"));

    [Fact]
    public void Every_alias_names_a_code_of_the_dictionary_and_says_where_it_comes_from()
    {
        var codes = Dictionary.Value.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(DiagnosisAliases.All);
        Assert.All(DiagnosisAliases.All, a =>
        {
            Assert.Contains(a.Code, codes);
            Assert.Contains(a.Source, new[] { "issue", "clinical" });
        });
        Assert.Equal(DiagnosisAliases.All.Count, DiagnosisAliases.All.Select(a => (a.Alias, a.Code)).Distinct().Count());
    }

    [Fact]
    public void The_search_columns_of_every_entry_fit_and_start_with_its_usual_initials()
    {
        Assert.All(Dictionary.Value, e =>
        {
            Assert.Equal(PinyinInitials.Of(e.Name), e.Pinyin);
            Assert.StartsWith(e.Pinyin + " ", e.SearchKey + " ", StringComparison.Ordinal);
            Assert.InRange(e.SearchKey.Length, 1, SearchKeys.MaxLength);
            Assert.InRange(e.SearchText.Length, 1, SearchKeys.MaxLength);
        });
    }

    /// <summary>
    /// The coverage figure of the requirement: every name is found by its context-aware (phrase-aware) initials, and at
    /// least 99.5% of them on the first page the doctor sees. The initials are pypinyin's for every shipped name (checked
    /// outside the tests against pypinyin's own phrase and character tables; see docs/adr/0010-search-keys.md).
    /// </summary>
    [Fact]
    public void Every_name_of_the_shipped_dictionary_is_found_by_its_phrase_aware_initials()
    {
        var entries = Dictionary.Value;
        // Each query compiles its own LINQ to Objects pipeline: the cores share the 1,586 of them.
        var ranks = entries.AsParallel().Select(e => (Entry: e, Rank: Codes(PinyinInitials.Of(e.Name)).IndexOf(e.Code))).ToList();
        var missing = ranks.Where(r => r.Rank < 0).Select(r => $"{r.Entry.Code} {r.Entry.Name} {r.Entry.Pinyin}").ToList();
        var onFirstPage = ranks.Count(r => r.Rank is >= 0 and < FirstPage);

        var share = (double)onFirstPage / entries.Count;
        output.WriteLine($"ICD-10 names found by their initials: {entries.Count - missing.Count} of {entries.Count}; on the first page of {FirstPage}: {onFirstPage} ({share:P2})");
        Assert.Empty(missing);
        Assert.True(share >= 0.995, $"only {share:P2} of the names are on the first page for their initials");
    }
}
