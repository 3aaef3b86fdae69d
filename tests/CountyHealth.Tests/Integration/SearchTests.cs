using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Text;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// The search boxes find what people type: any reading of a polyphonic character, initials of a word inside a name,
/// the words doctors use for a diagnosis, however punctuated; and stored keys follow the reading rules.
/// </summary>
public abstract class SearchTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Theory]
    [InlineData("PGY", "N30")] // 膀胱炎, páng guāng
    [InlineData("BGY", "N30")] // by its characters' first readings too
    [InlineData("GXY", "I10")] // the alias 高血压
    [InlineData("YFXGXY", "I10")] // inside 特发性(原发性)高血压
    [InlineData("高血压", "I10")]
    [InlineData("原发性高血压", "I10")]
    [InlineData("2型糖尿病", "E11")]
    [InlineData("Ⅱ型糖尿病", "E11")]
    [InlineData("慢阻肺", "J44")]
    [InlineData("上感", "J06")]
    [InlineData("I10", "I10")]
    public async Task A_diagnosis_is_found_first_by_what_the_doctor_types(string query, string code)
    {
        var found = await (await clinic.Doctor).GetAsync<List<DiagnosisCode>>($"/api/v1/diagnoses?q={Uri.EscapeDataString(query)}");

        Assert.Equal(code, found.FirstOrDefault()?.Code);
    }

    [Theory]
    [InlineData("ALDP")] // 氨氯地平, a word inside the name
    [InlineData("BHSALDP")]
    [InlineData("aldp")]
    [InlineData("氨氯地平")]
    [InlineData("XY0001")]
    public async Task A_drug_is_found_by_the_initials_of_a_word_inside_its_name(string query)
    {
        await clinic.FindDrugAsync(query, "苯磺酸氨氯地平片");
        var stock = await (await clinic.Pharmacist).GetAsync<List<CountyHealth.Pharmacy.Stock.DrugStockRow>>($"/api/v1/pharmacy/stock?q={Uri.EscapeDataString(query)}");
        Assert.Contains(stock, s => s.Name == "苯磺酸氨氯地平片");
    }

    [Theory]
    [InlineData("PS", "ZL006")] // 皮试（青霉素皮试）: its name without the bracket
    [InlineData("QMS", "ZL006")] // 青霉素, inside the bracket
    [InlineData("皮试", "ZL006")]
    public async Task A_price_item_is_found_by_its_bracketed_parts(string query, string code)
    {
        var found = await (await clinic.Cashier).GetAsync<List<PriceItemInfo>>($"/api/v1/price-items?q={Uri.EscapeDataString(query)}");

        Assert.Equal(code, found.FirstOrDefault()?.Code);
    }

    [Theory]
    [InlineData("李长乐", "LCL")] // 长乐 read as a word, cháng lè
    [InlineData("曾长乐", "ZCL")] // and the surname by its surname reading
    [InlineData("单重庆", "SCQ")]
    public async Task A_resident_with_a_polyphonic_name_is_found_by_its_usual_reading(string name, string initials)
    {
        var registered = await RegisterAsync(name);

        Assert.Equal(initials, registered.Pinyin);
        Assert.Contains(registered.Id, (await clinic.SearchResidentsAsync(initials)).Items.Select(r => r.Id));
        Assert.Contains(registered.Id, (await clinic.SearchResidentsAsync(initials.ToLowerInvariant())).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Reindexing_rewrites_keys_written_by_older_rules()
    {
        var resident = await RegisterAsync("李长乐");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // What the first-reading table wrote before phrases were read, and catalogue keys from before the columns existed.
            var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
            await db.Set<Resident>().Where(r => r.Id == resident.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Pinyin, "LZL"));
            await db.Set<Drug>().Where(d => d.Code == "XY0001").ExecuteUpdateAsync(s => s.SetProperty(d => d.SearchKey, "").SetProperty(d => d.SearchText, ""));
        }
        Assert.DoesNotContain(resident.Id, (await clinic.SearchResidentsAsync("LCL")).Items.Select(r => r.Id));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var refreshes = scope.ServiceProvider.GetServices<ISearchKeyRefresh>().ToList();
            Assert.Contains(refreshes, r => r is { Table: "residents", AtStart: false });
            Assert.All(refreshes.Where(r => r.Table != "residents"), r => Assert.True(r.AtStart, r.Table));
            var changed = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var refresh in refreshes)
            {
                changed[refresh.Table] = await refresh.RefreshAsync(CancellationToken.None);
            }
            Assert.Equal(1, changed["residents"]);
            Assert.Equal(1, changed["drugs"]);
            Assert.Equal(0, changed["icd10_codes"]);
        }

        Assert.Contains(resident.Id, (await clinic.SearchResidentsAsync("LCL")).Items.Select(r => r.Id));
        await clinic.FindDrugAsync("ALDP", "苯磺酸氨氯地平片");
    }

    private async Task<ResidentRow> RegisterAsync(string name)
    {
        var resident = TestData.Resident() with { Name = name };
        return await clinic.RegisterResidentAsync(resident);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSearchTests(SqliteHost host) : SearchTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchTests(PostgresHost host) : SearchTests(host);
