using BenchmarkDotNet.Attributes;
using StdGraph.Core.Codes;

namespace StdGraph.Benchmarks;

[MemoryDiagnoser]
public class CodeParsingBenchmarks
{
    private static readonly string[] Codes =
    [
        "GB/T 22080-2016", "gbt22080-2016", "ＧＢ／Ｔ　２２０８０－２０１６", "GB/T 25000.10-2016", "ISO/IEC 27001:2022/Amd 1:2024",
        "IEC 62443-3-3:2013", "ISO/IEC 10035-1:1995/AMD1:1997/COR1:1999", "RFC 9110", "ITU-T X.509", "ISO/IEC FDIS 10373-6",
        "IEC 60034-18-1:2022 CMV", "ISO/R 1005-2:1969", "DIN 16527-1:1993", "ISO 7498",
    ];

    [Benchmark(Description = "parse 14 codes of mixed shapes")]
    public int Parse()
    {
        var n = 0;
        foreach (var c in Codes) n += StandardCode.Parse(c).Canonical.Length;
        return n;
    }
}
