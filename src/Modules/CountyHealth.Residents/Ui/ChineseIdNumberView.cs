using System.Globalization;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;

namespace CountyHealth.Residents.Ui;

/// <summary>Reads sex and birth date off a typed ID number for the form; the server validates again on save.</summary>
internal static class ChineseIdNumberView
{
    public static bool TryRead(string? idNumber, out Sex sex, out string birthDate)
    {
        sex = Sex.Unknown;
        birthDate = "";
        if (!ChineseIdNumber.TryParse(idNumber, DateOnly.MaxValue, out var info, out _) || info is null)
        {
            return false;
        }
        sex = info.Sex;
        birthDate = info.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }
}
