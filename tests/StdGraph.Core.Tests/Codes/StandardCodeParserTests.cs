using CsCheck;
using StdGraph.Core.Codes;

namespace StdGraph.Core.Tests.Codes;

public class StandardCodeParserTests
{
    [Theory]
    [InlineData("GB/T 22080-2016", "GB/T 22080-2016")]
    [InlineData("GB/T22080—2016", "GB/T 22080-2016")]
    [InlineData("GBT 22080-2016", "GB/T 22080-2016")]
    [InlineData("gbt22080-2016", "GB/T 22080-2016")]
    [InlineData("gb/t 22080", "GB/T 22080")]
    [InlineData("ＧＢ／Ｔ　２２０８０－２０１６", "GB/T 22080-2016")]
    [InlineData("GB/T 25000.10-2016", "GB/T 25000.10-2016")]
    [InlineData("GB/Z 20986-2007", "GB/Z 20986-2007")]
    [InlineData("IEC 62443-3-3:2013", "IEC 62443-3-3:2013")]
    [InlineData("ISO/IEC 2382-4:1987", "ISO/IEC 2382-4:1987")]
    [InlineData("iso/iec 27001 : 2022", "ISO/IEC 27001:2022")]
    [InlineData("ISO/IEC 27001：2022", "ISO/IEC 27001:2022")]
    [InlineData("ISO/IEC TR 27000:2009", "ISO/IEC TR 27000:2009")]
    [InlineData("IEC PAS 62443-1:2010", "IEC PAS 62443-1:2010")]
    [InlineData("ISO/IEC 27001:2022/Amd 1:2024", "ISO/IEC 27001:2022/Amd 1:2024")]
    [InlineData("ISO/IEC 27001:2013/Cor 1:2014", "ISO/IEC 27001:2013/Cor 1:2014")]
    [InlineData("IEC 61000-4-2:2008/AMD1:2021", "IEC 61000-4-2:2008/Amd 1:2021")]
    [InlineData("ISO/IEC 10035-1:1995/AMD1:1997/COR1:1999", "ISO/IEC 10035-1:1995/Amd 1:1997/Cor 1:1999")]
    [InlineData("ISO 7498", "ISO 7498")]
    [InlineData("RFC 9110", "RFC 9110")]
    [InlineData("rfc9110", "RFC 9110")]
    [InlineData("ITU-T X.509", "ITU-T X.509")]
    [InlineData("ISO/IEC FDIS 10373-6", "ISO/IEC FDIS 10373-6")]
    [InlineData("ISO 10087:2022/CD Amd 1", "ISO 10087:2022/CD Amd 1")]
    [InlineData("ISO/R 1005-2:1969", "ISO/R 1005-2:1969")]
    [InlineData("IEC 60061A:1965", "IEC 60061A:1965")]
    [InlineData("ISO 105-E01:1987", "ISO 105-E01:1987")]
    [InlineData("IEC 60034-18-1:2022 CMV", "IEC 60034-18-1:2022 CMV")]
    [InlineData("ISO/IEC/IEEE 8802-11:2012", "ISO/IEC/IEEE 8802-11:2012")]
    [InlineData("GB 2312-80", "GB 2312-1980")]
    public void spellings_normalise_to_one_canonical_form(string input, string canonical) =>
        StandardCode.Parse(input).Canonical.Should().Be(canonical);

    [Theory]
    [InlineData("GB/T 22080-2016", "GB/T 22080")]
    [InlineData("ISO/IEC 27001:2022/Amd 1:2024", "ISO/IEC 27001")]
    [InlineData("ISO/IEC FDIS 10373-6", "ISO/IEC 10373-6")]
    [InlineData("ISO/DTR 9000", "ISO/TR 9000")]
    [InlineData("IEC 60034-18-1:2022 CMV", "IEC 60034-18-1")]
    [InlineData("ITU-T G.650.1:2018", "ITU-T G.650.1")]
    [InlineData("DIN 16527-1:1993", "DIN 16527-1")]
    public void work_key_drops_stage_year_supplement_and_variant(string input, string work) =>
        StandardCode.Parse(input).WorkKey.Should().Be(work);

    [Fact]
    public void components_of_an_amended_international_edition_are_exposed()
    {
        var code = StandardCode.Parse("ISO/IEC 27001:2022/Amd 1:2024");
        code.Body.Should().Be("ISO/IEC");
        code.Number.Should().Be("27001");
        code.Year.Should().Be(2022);
        code.Supplements.Should().ContainSingle().Which.Should().Be(new CodeSupplement("Amd", "1", 2024));
        code.BaseEdition.Canonical.Should().Be("ISO/IEC 27001:2022");
    }

    [Fact]
    public void chinese_code_has_body_sac_and_dotted_part()
    {
        var code = StandardCode.Parse("GB/T 25000.10-2016");
        code.Body.Should().Be("SAC");
        code.Type.Should().Be("GB/T");
        code.Number.Should().Be("25000");
        code.Part.Should().Be("10");
        code.Year.Should().Be(2016);
        code.IsNational.Should().BeTrue();
    }

    [Theory]
    [InlineData("ITU-T G.650.1")]
    [InlineData("DIN 16527-1:1993")]
    [InlineData("IEEE Std 1489-1999")]
    [InlineData("ETSI ES 201 873 V2.2.1:2003")]
    [InlineData("DA/T 18")]
    [InlineData("WS 363.6-2011")]
    [InlineData("JTG B01-2014")]
    [InlineData("GB/T 15972（所有部分）")]
    public void other_bodies_identifiers_are_kept_not_rejected(string input) =>
        StandardCode.TryParse(input, out _, out var error).Should().BeTrue(error);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("27001")]
    [InlineData("information security management")]
    [InlineData("信息安全")]
    public void text_that_is_not_a_code_is_an_error_not_a_guess(string input)
    {
        StandardCode.TryParse(input, out _, out var error).Should().BeFalse();
        error.Should().NotBeNullOrWhiteSpace();
        var parse = () => StandardCode.Parse(input);
        parse.Should().Throw<FormatException>();
    }

    [Fact]
    public void two_spellings_of_one_code_are_equal()
    {
        StandardCode.Parse("IEC 60086-3:2021/COR1:2023").Should().Be(StandardCode.Parse("IEC 60086-3:2021/Cor 1:2023"));
        StandardCode.Parse("GBT22080—2016").GetHashCode().Should().Be(StandardCode.Parse("GB/T 22080-2016").GetHashCode());
    }

    private static Gen<string> Pick(params string[] options) => Gen.Int[0, options.Length - 1].Select(i => options[i]);

    private static readonly Gen<string> InternationalCodes =
        from bodies in Pick("ISO", "IEC", "ISO/IEC", "ISO/IEC/IEEE", "ISO/TS", "ISO/TR", "IEC TR", "ISO/IEC TS", "ISO/FDIS", "ISO/IEC DIS")
        from number in Gen.Int[1, 99999]
        from parts in Gen.Int[1, 99].Array[0, 3]
        from year in Gen.Int[1949, 2030]
        from amd in Gen.Int[0, 9]
        from amdYear in Gen.Int[1950, 2030]
        select bodies + " " + number + string.Concat(parts.Select(p => "-" + p)) +
               (year == 1949 ? "" : ":" + year + (amd == 0 ? "" : $"/Amd {amd}:{amdYear}"));

    private static readonly Gen<string> ChineseCodes =
        from prefix in Pick("GB", "GB/T", "GB/Z")
        from number in Gen.Int[1, 99999]
        from part in Gen.Int[0, 99]
        from year in Gen.Int[1979, 2099]
        select prefix + " " + number + (part == 0 ? "" : "." + part) + (year == 1979 ? "" : "-" + year);

    [Fact]
    public void normalising_a_formatted_code_gives_it_back() =>
        Gen.OneOf(InternationalCodes, ChineseCodes, Gen.Int[1, 99999].Select(n => "RFC " + n)).Sample(text =>
        {
            var code = StandardCode.Parse(text);
            StandardCode.Parse(code.Canonical).Should().Be(code);
            StandardCode.Parse(code.Canonical).Canonical.Should().Be(code.Canonical);
            StandardCode.Parse(code.WorkKey).Canonical.Should().Be(code.WorkKey);
        });

    [Fact]
    public void width_case_and_spacing_do_not_change_the_code() =>
        Gen.OneOf(InternationalCodes, ChineseCodes).Sample(text =>
        {
            var expected = StandardCode.Parse(text).Canonical;
            var fullWidth = string.Concat(text.Select(c => c is > ' ' and <= '~' ? (char)(c + 0xFEE0) : c == ' ' ? '\u3000' : c));
            StandardCode.Parse(fullWidth).Canonical.Should().Be(expected);
            StandardCode.Parse(text.ToLowerInvariant()).Canonical.Should().Be(expected);
            StandardCode.Parse(text.Replace("-", "—", StringComparison.Ordinal).Replace(" ", "  ", StringComparison.Ordinal)).Canonical.Should().Be(expected);
        });
}
