using System.Globalization;

namespace CountyHealth.Kernel.Generation;

/// <summary>Chinese personal names and mobile numbers for synthetic people (residents and staff alike).</summary>
public static class SyntheticNames
{
    /// <summary>The 100 most common surnames, most frequent first.</summary>
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
        "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "邓", "冯", "曹",
        "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余",
        "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢",
        "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖",
        "石", "金", "韦", "贾", "夏", "付", "方", "邹", "熊", "白",
        "孟", "秦", "邱", "侯", "江", "尹", "薛", "闫", "段", "雷",
        "龙", "黎", "史", "陶", "贺", "毛", "郝", "顾", "龚", "邵",
        "万", "覃", "武", "钱", "戴", "严", "莫", "孔", "向", "常",
    ];

    /// <summary>Relative frequency of each entry of <see cref="Surnames"/> (roughly 100,000s of people).</summary>
    public static readonly int[] SurnameWeights =
    [
        1015, 1009, 950, 720, 630, 470, 350, 290, 280, 280,
        200, 195, 190, 180, 170, 160, 150, 140, 140, 130,
        125, 120, 110, 100, 100, 95, 90, 90, 88, 85,
        83, 82, 80, 75, 73, 70, 70, 68, 67, 65,
        64, 63, 62, 60, 58, 57, 56, 55, 54, 53,
        52, 51, 50, 49, 48, 47, 46, 45, 44, 43,
        43, 42, 41, 41, 40, 40, 39, 39, 38, 38,
        37, 37, 36, 36, 35, 35, 34, 34, 33, 33,
        32, 32, 31, 31, 30, 30, 29, 29, 28, 28,
        27, 27, 26, 26, 25, 25, 24, 24, 23, 23,
    ];

    public static readonly string[] MaleGivenChars =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明",
        "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩",
        "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "建",
        "国", "志", "文", "海", "东", "亮", "峰", "成", "博", "新",
        "振", "庆", "春", "立", "德", "永", "福", "兴", "宏", "家",
        "晨", "阳", "忠", "兵", "利", "胜", "学", "荣", "卫", "子",
    ];

    public static readonly string[] FemaleGivenChars =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "秀", "英", "霞", "玲",
        "燕", "红", "梅", "丹", "萍", "婷", "雪", "琳", "慧", "颖",
        "倩", "莉", "洁", "琴", "云", "莹", "晶", "欣", "怡", "佳",
        "悦", "璐", "蕾", "瑶", "薇", "蓉", "娟", "兰", "凤", "翠",
        "桂", "玉", "珍", "月", "娇", "彤", "雯", "茜", "瑞", "思",
        "梦", "雅", "淑", "秋", "美", "雨", "婧", "妍", "宁", "晓",
    ];

    private static readonly int[] SurnameCumulativeWeights = Cumulative(SurnameWeights);

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
        "150", "151", "152", "153", "155", "156", "157", "158", "159",
        "173", "175", "176", "177", "178",
        "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
        "191", "195", "198", "199",
    ];

#pragma warning disable CA5394 // synthetic data, not security

    /// <summary>A random Chinese personal name: weighted surname plus one (about 30%) or two given-name characters.</summary>
    public static string Name(Random rng, bool male)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var surname = Surnames[PickWeighted(rng)];
        var pool = male ? MaleGivenChars : FemaleGivenChars;
        var first = pool[rng.Next(pool.Length)];
        if (rng.NextDouble() < 0.3)
        {
            return surname + first;
        }

        string second;
        do
        {
            second = pool[rng.Next(pool.Length)];
        }
        while (second == first);
        return surname + first + second;
    }

    /// <summary>A valid-looking 11-digit mainland mobile number.</summary>
    public static string MobilePhone(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var prefix = MobilePrefixes[rng.Next(MobilePrefixes.Length)];
        return prefix + rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
    }

    private static int PickWeighted(Random rng)
    {
        var total = SurnameCumulativeWeights[^1];
        var roll = rng.Next(total);
        var index = Array.BinarySearch(SurnameCumulativeWeights, roll + 1);
        return index >= 0 ? index : ~index;
    }

#pragma warning restore CA5394

    private static int[] Cumulative(int[] weights)
    {
        var result = new int[weights.Length];
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }

        return result;
    }
}
