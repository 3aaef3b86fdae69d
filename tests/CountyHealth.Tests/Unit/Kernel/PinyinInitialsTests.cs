using CountyHealth.Kernel.Text;
using Xunit;

namespace CountyHealth.Tests.Unit.Kernel;

public sealed class PinyinInitialsTests
{
    [Theory]
    [InlineData("高血压", "GXY")]
    [InlineData("糖尿病", "TNB")]
    [InlineData("冠心病", "GXB")]
    [InlineData("慢性阻塞性肺疾病", "MXZSXFJB")]
    [InlineData("阿莫西林", "AMXL")]
    [InlineData("复方甘草片", "FFGCP")]
    [InlineData("布洛芬缓释胶囊", "BLFHSJN")]
    [InlineData("家庭医生签约", "JTYSQY")]
    [InlineData("县医院", "XYY")]
    [InlineData("中华人民共和国", "ZHRMGHG")]
    public void Of_CommonWords(string text, string expected)
    {
        Assert.Equal(expected, PinyinInitials.Of(text));
    }

    [Theory]
    [InlineData("维生素B12", "WSSB12")]
    [InlineData("维生素b12", "WSSB12")]
    [InlineData("abc 中", "ABCZ")]
    [InlineData("COVID-19疫苗", "COVID19YM")]
    [InlineData("0.9%氯化钠注射液", "09LHNZSY")]
    [InlineData("头孢（克肟）", "TBKW")]
    [InlineData("Ａ１ｂ", "A1B")] // full-width letters and digits from Chinese input methods
    [InlineData("阿依古丽·买买提", "AYGLMMT")]
    [InlineData("  高 血 压  ", "GXY")]
    public void Of_MixedText_KeepsAsciiLettersAndDigitsDropsTheRest(string text, string expected)
    {
        Assert.Equal(expected, PinyinInitials.Of(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("，。！？、；：")]
    [InlineData("·-_/\\")]
    public void Of_NothingToKeep_ReturnsEmpty(string text)
    {
        Assert.Equal(string.Empty, PinyinInitials.Of(text));
    }

    [Theory]
    [InlineData("\u4E00", "Y")] // 一, first code point of the table
    [InlineData("\u9FA5", "Y")] // 龥
    [InlineData("\u9FFF", "X")] // 鿿, last code point of the table
    [InlineData("\u4DFF", "")] // just before the range (hexagram symbol)
    [InlineData("\uA000", "")] // just after the range (Yi syllable)
    [InlineData("\u3400", "")] // CJK Extension A is outside the table
    [InlineData("\u3007", "")] // 〇
    [InlineData("\uD840\uDC00", "")] // U+20000, CJK Extension B (surrogate pair)
    [InlineData("\uF900", "")] // CJK compatibility ideograph
    [InlineData("αβγ", "")]
    [InlineData("😀", "")]
    [InlineData("\u5159\u5161", "")] // 兙 兡 have no reading in the source table
    [InlineData("克\u5159", "K")]
    public void Of_CharactersOutsideTheTableOrWithoutReading_AreDropped(string text, string expected)
    {
        Assert.Equal(expected, PinyinInitials.Of(text));
    }

    [Theory]
    [InlineData("曾", "C")]
    [InlineData("单", "D")]
    [InlineData("解", "J")]
    [InlineData("长", "Z")]
    [InlineData("乐", "L")]
    public void Of_PolyphonicCharacters_UseTheFirstReading(string text, string expected)
    {
        Assert.Equal(expected, PinyinInitials.Of(text));
    }

    [Fact]
    public void Of_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PinyinInitials.Of(null!));
    }

    [Theory]
    [InlineData("曾小明", "ZXM")]
    [InlineData("单田芳", "STF")]
    [InlineData("解缙", "XJ")]
    [InlineData("仇英", "QY")]
    [InlineData("朴槿惠", "PJH")]
    [InlineData("查良镛", "ZLY")]
    [InlineData("区小华", "OXH")]
    [InlineData("尉缭", "YL")]
    [InlineData("乐嘉", "YJ")]
    [InlineData("覃小红", "QXH")]
    [InlineData("盖聂", "GN")]
    [InlineData("缪小明", "MXM")]
    [InlineData("秘书", "BS")]
    [InlineData("员小明", "YXM")]
    [InlineData("翟志刚", "ZZG")]
    [InlineData("长小明", "CXM")]
    [InlineData("种师道", "CSD")]
    [InlineData("召小明", "SXM")]
    [InlineData("折小明", "SXM")]
    [InlineData("阚小明", "KXM")]
    [InlineData("繁小明", "PXM")]
    [InlineData("句小明", "GXM")]
    public void OfName_PolyphonicSurnames_UseSurnameReading(string name, string expected)
    {
        Assert.Equal(expected, PinyinInitials.OfName(name));
    }

    [Theory]
    [InlineData("万俟咏", "MQY")]
    [InlineData("尉迟恭", "YCG")]
    [InlineData("单于小明", "CYXM")]
    [InlineData("澹台灭明", "TTMM")]
    [InlineData("长孙无忌", "ZSWJ")]
    [InlineData("欧阳修", "OYX")]
    [InlineData("司马迁", "SMQ")]
    [InlineData("诸葛亮", "ZGL")]
    [InlineData("上官婉儿", "SGWE")]
    [InlineData("东方朔", "DFS")]
    [InlineData("皇甫谧", "HFM")]
    [InlineData("令狐冲", "LHC")]
    public void OfName_CompoundSurnames(string name, string expected)
    {
        Assert.Equal(expected, PinyinInitials.OfName(name));
    }

    [Theory]
    [InlineData("张三", "ZS")]
    [InlineData("李四", "LS")]
    [InlineData("王 五", "WW")]
    [InlineData(" 曾小明 ", "ZXM")] // surrounding whitespace does not hide the surname
    [InlineData("阿依古丽·买买提", "AYGLMMT")]
    [InlineData("Tom Lee", "TOMLEE")]
    [InlineData("李Lily", "LLILY")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("曾", "Z")]
    [InlineData("万", "W")] // 万 alone is Wàn; only 万俟 is Mòqí
    [InlineData("尉", "Y")]
    public void OfName_OtherNames(string name, string expected)
    {
        Assert.Equal(expected, PinyinInitials.OfName(name));
    }

    [Theory]
    [InlineData("小曾", "XC")]
    [InlineData("王单", "WD")]
    [InlineData("李曾", "LC")]
    public void OfName_SurnameReadingAppliesOnlyToTheFirstCharacter(string name, string expected)
    {
        Assert.Equal(expected, PinyinInitials.OfName(name));
    }

    [Theory]
    [InlineData("李长乐", "LCL")] // 长乐 is a phrase: cháng lè
    [InlineData("曾长乐", "ZCL")]
    [InlineData("王重庆", "WCQ")]
    [InlineData("张朝阳", "ZZY")] // the phrase table's usual reading of 朝阳 is zhāo yáng
    [InlineData("长孙长乐", "ZSCL")]
    [InlineData("张长", "ZZ")] // a one-character given name has its first reading
    public void OfName_GivenNameIsReadAsAWordOfItsOwn(string name, string expected)
    {
        Assert.Equal(expected, PinyinInitials.OfName(name));
    }

    [Theory]
    [InlineData("膀胱炎", "PGY")]
    [InlineData("急性膀胱炎", "JXPGY")]
    [InlineData("长春", "CC")]
    [InlineData("重庆", "CQ")]
    [InlineData("重庆市", "CQS")]
    [InlineData("银行", "YH")]
    [InlineData("原发性高血压", "YFXGXY")]
    [InlineData("特发性(原发性)高血压", "TFXYFXGXY")]
    [InlineData("苯磺酸氨氯地平片", "BHSALDPP")]
    [InlineData("人类免疫缺陷病毒[HIV]病", "RLMYQXBDHIVB")]
    public void Of_ReadsPhrasesByTheirUsualReading(string text, string expected)
    {
        Assert.Equal(expected, PinyinInitials.Of(text));
    }

    [Fact]
    public void Variants_PutTheUsualReadingFirstAndKeepTheFirstReadings()
    {
        Assert.Equal(["PGY", "BGY"], PinyinInitials.Variants("膀胱炎").Take(2));
        Assert.Equal(["CC", "ZC"], PinyinInitials.Variants("长春").Take(2));
        Assert.Equal(["CQ", "ZQ"], PinyinInitials.Variants("重庆").Take(2));
        Assert.Contains("LCL", PinyinInitials.Variants("李长乐"));
        Assert.Contains("LZL", PinyinInitials.Variants("李长乐"));
    }

    [Theory]
    [InlineData("长")]
    [InlineData("乐")]
    [InlineData("单")]
    public void Variants_OfAPolyphonicCharacter_HoldEveryInitial(string text)
    {
        var variants = PinyinInitials.Variants(text);

        Assert.Equal(PinyinInitials.Of(text), variants[0]);
        Assert.True(variants.Count >= 2, string.Join(",", variants));
        Assert.Equal(variants.Count, variants.Distinct().Count());
    }

    [Fact]
    public void Variants_OfTextWithoutPolyphony_AreTheUsualReadingAlone()
    {
        Assert.Equal(["YFXGXY"], PinyinInitials.Variants("原发性高血压"));
        Assert.Empty(PinyinInitials.Variants("，。"));
    }

    [Fact]
    public void Variants_OfMixedText_AlsoSkipLatinRunsOrKeepTheirFirstCharacter()
    {
        var variants = PinyinInitials.Variants("维生素B12缺乏性贫血");

        Assert.Equal("WSSB12QFXPX", variants[0]);
        Assert.Contains("WSSQFXPX", variants);
        Assert.Contains("WSSBQFXPX", variants);
    }

    [Fact]
    public void Variants_OfALongName_AreBoundedAndLinear()
    {
        // P00, 27 characters, ten of them with readings of several initials: the variants stay at the bound.
        const string name = "胎儿和新生儿受母体情况影响,这些情况可能与本次妊娠无关";
        var variants = PinyinInitials.Variants(name);

        Assert.Equal(PinyinInitials.DefaultVariants, variants.Count);
        Assert.All(variants, v => Assert.Equal(PinyinInitials.Of(name).Length, v.Length));
        Assert.Single(PinyinInitials.Variants(name, 1));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < 1_000; i++)
        {
            PinyinInitials.Variants(name);
        }
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2), "a thousand variant lists of a long name took seconds");
    }

    [Fact]
    public void Variants_RefuseANonPositiveBound()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PinyinInitials.Variants("高血压", 0));
    }

    [Fact]
    public void OfName_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PinyinInitials.OfName(null!));
    }

    [Theory]
    [InlineData(PinyinInitials.ResourceName)]
    [InlineData(PinyinInitials.AlternatesResourceName)]
    [InlineData(PinyinInitials.PhrasesResourceName)]
    public void EmbeddedTables_ArePresentUnderTheExpectedLogicalNames(string resource)
    {
        using var stream = typeof(PinyinInitials).Assembly.GetManifestResourceStream(resource);

        Assert.NotNull(stream);
    }

    [Fact]
    public void Of_EveryCodePointInTheRange_YieldsAtMostOneUpperCaseLetter()
    {
        var covered = 0;
        for (var c = '\u4E00'; c <= '\u9FFF'; c++)
        {
            var initials = PinyinInitials.Of(c.ToString());
            Assert.True(initials.Length <= 1, $"U+{(int)c:X4}");
            if (initials.Length == 1)
            {
                Assert.InRange(initials[0], 'A', 'Z');
                covered++;
            }
        }

        // The source covers all but a handful of code points (20,924 of 20,992 at pinyin-data 0.15.0).
        Assert.InRange(covered, 20_900, 20_992);
    }

    [Fact]
    public void Of_NoCharacterYieldsInitialsThatPinyinNeverStartsWith()
    {
        var all = new System.Text.StringBuilder();
        for (var c = '\u4E00'; c <= '\u9FFF'; c++)
        {
            all.Append(c);
        }

        var initials = PinyinInitials.Of(all.ToString());

        // No Mandarin syllable starts with i, u or v (ü is written yu, or after n/l).
        Assert.DoesNotContain('I', initials);
        Assert.DoesNotContain('U', initials);
        Assert.DoesNotContain('V', initials);
    }

    [Fact]
    public async Task Of_ConcurrentCallers_AllGetTheSameResult()
    {
        var tasks = Enumerable.Range(0, 16)
            .Select(_ => Task.Run(() => PinyinInitials.Of("社区卫生服务中心") + PinyinInitials.OfName("曾小明")))
            .ToArray();

        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.Equal("SQWSFWZXZXM", r));
    }
}
