using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Domain;

namespace CountyHealth.PublicHealth.Seeding;

/// <summary>
/// The synthetic county's health education from two years back: each township centre's monthly talk, consultation
/// events on the health theme days, its two boards changed every two months, printed and audio-visual material and a
/// few outreach clinics; each village clinic's talk and board every two months — about one activity in ten skipped.
/// Its own random stream.
/// </summary>
internal sealed class EducationHistory : ISyntheticData
{
    private static readonly string[] Topics = ["高血压防治", "糖尿病自我管理", "合理膳食与控盐", "控烟限酒", "结核病防治", "预防接种知识", "老年人防跌倒", "心理健康", "传染病预防", "妇幼保健", "中医药养生", "爱国卫生与除四害"];
    private static readonly (int Month, int Day, string Theme)[] ThemeDays =
        [(3, 24, "世界防治结核病日"), (4, 7, "世界卫生日"), (4, 25, "全国儿童预防接种日"), (5, 31, "世界无烟日"), (9, 1, "全民健康生活方式日"), (10, 8, "全国高血压日"),
         (10, 10, "世界精神卫生日"), (11, 14, "联合国糖尿病日"), (12, 1, "世界艾滋病日")];

    public Task PrepareAsync(GenerationRun run, CancellationToken ct) => Task.CompletedTask;

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
#pragma warning disable CA5394 // synthetic data, not security
        var rng = new Random(unchecked(run.Options.Seed * 4099 + index * 1571 + 83));
        var town = run.Get<GeneratedTownship>();
        var today = run.Today;
        var start = new DateOnly(today.Year - 2, today.Month, 1);
        var rows = new List<EducationActivity>();
        void Add(GeneratedClinic clinic, DateOnly day, EducationKind kind, string topic, int audience, int kinds = 0, int copies = 0)
        {
            if (day > today || day < start || rng.Next(10) == 0)
            {
                return;
            }
            rows.Add(new EducationActivity
            {
                InstitutionId = clinic.InstitutionId,
                Date = day,
                Kind = kind,
                Place = kind == EducationKind.Talk ? $"{clinic.InstitutionName}健康教育室" : kind is EducationKind.Consultation or EducationKind.OutreachClinic ? "集市广场" : clinic.InstitutionName,
                Topic = topic,
                Organiser = clinic.InstitutionName,
                Speaker = kind == EducationKind.Talk ? clinic.DoctorName : null,
                Audience = "辖区居民",
                AudienceCount = audience,
                MaterialKinds = kinds,
                MaterialCount = copies,
                Content = $"围绕“{topic}”开展{EducationRules.KindName(kind)}",
                Archive = kind == EducationKind.Talk ? "photos,signin" : "photos",
                RecordedBy = clinic.DoctorName,
                RecordedAt = ChinaTime.StartOfDayUtc(day).AddHours(16),
            });
        }
        for (var month = start; month <= today; month = month.AddMonths(1))
        {
            var topic = Topics[(month.Month + index) % Topics.Length];
            Add(town.Centre, month.AddDays(rng.Next(5, 25)), EducationKind.Talk, topic, rng.Next(30, 80));
            if (month.Month % 2 == 1)
            {
                Add(town.Centre, month.AddDays(rng.Next(0, 10)), EducationKind.BoardUpdate, topic, 0);
                Add(town.Centre, month.AddDays(rng.Next(10, 20)), EducationKind.BoardUpdate, Topics[(month.Month + index + 5) % Topics.Length], 0);
                Add(town.Centre, month.AddDays(rng.Next(0, 25)), EducationKind.AudioVisual, topic, rng.Next(50, 200));
                foreach (var village in town.Villages)
                {
                    Add(village, month.AddDays(rng.Next(5, 25)), EducationKind.Talk, topic, rng.Next(15, 40));
                    Add(village, month.AddDays(rng.Next(0, 10)), EducationKind.BoardUpdate, topic, 0);
                }
            }
            Add(town.Centre, month.AddDays(rng.Next(0, 25)), EducationKind.PrintedMaterial, topic, 0, 1, rng.Next(200, 800));
            foreach (var (m, d, theme) in ThemeDays.Where(t => t.Month == month.Month))
            {
                Add(town.Centre, new DateOnly(month.Year, m, d), EducationKind.Consultation, theme, rng.Next(80, 300), 2, rng.Next(200, 500));
            }
            if (month.Month % 3 == 0)
            {
                Add(town.Centre, month.AddDays(rng.Next(0, 25)), EducationKind.OutreachClinic, "义诊下乡", rng.Next(60, 150));
            }
        }
#pragma warning restore CA5394
        await run.Writer.WriteAsync(rows, ct);
    }
}
