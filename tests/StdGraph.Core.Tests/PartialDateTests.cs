using StdGraph.Core.Catalogue;

namespace StdGraph.Core.Tests;

public class PartialDateTests
{
    [Theory]
    [InlineData("2016", 2016, null, null)]
    [InlineData("2016-08", 2016, 8, null)]
    [InlineData("2016-08-29", 2016, 8, 29)]
    public void catalogue_dates_known_to_year_month_or_day_parse(string text, int year, int? month, int? day)
    {
        PartialDate.TryParse(text, out var date).Should().BeTrue();
        date.Should().Be(new PartialDate(year, month, day));
        date.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("2016-13")]
    [InlineData("2016-02-30")]
    [InlineData("16-08-29")]
    [InlineData("yesterday")]
    [InlineData("2016/08/29")]
    public void impossible_dates_are_rejected(string text) => PartialDate.TryParse(text, out _).Should().BeFalse();
}
