using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Testing;

namespace StdGraph.Search.Tests.Index;

/// <summary>A handful of real editions (titles as catalogued) plus filler, indexed once per test class.</summary>
public sealed class SmallCatalogue : IDisposable
{
    public const int FillerCount = 25;

    public SmallCatalogue()
    {
        Directory = TestPaths.NewTempDirectory("search-small");
        Documents = SnapshotDocuments.FromEditions(Editions());
        SearchIndex.Build(Directory, Documents);
        Index = SearchIndex.Open(Directory);
    }

    public string Directory { get; }
    public IReadOnlyList<SearchDocument> Documents { get; }
    public SearchIndex Index { get; }

    public static StandardEdition Edition(string code, EditionStatus? status, string? zh = null, string? en = null, string? fr = null,
        string[]? ics = null, string? committee = null, string? abstractEn = null, (string Target, AdoptionDegree Degree)? adopts = null)
    {
        var titles = new Dictionary<string, string>();
        if (zh is not null) titles["zh"] = zh;
        if (en is not null) titles["en"] = en;
        if (fr is not null) titles["fr"] = fr;
        var parsed = StandardCode.Parse(code);
        return new StandardEdition
        {
            Code = code,
            ParsedCode = parsed,
            Status = status,
            Type = parsed.Type,
            Titles = titles,
            Ics = ics ?? [],
            Committee = committee,
            Abstracts = abstractEn is null ? StandardEdition.EmptyText : new Dictionary<string, string> { ["en"] = abstractEn },
            Relations = adopts is { } a ? [new StandardRelation(RelationType.Adopts, a.Target, StandardCode.Parse(a.Target), a.Degree)] : [],
        };
    }

    private static IEnumerable<StandardEdition> Editions()
    {
        const string isms = "Information technology — Security techniques — Information security management systems — Requirements";
        yield return Edition("GB/T 22080-2008", EditionStatus.Superseded, "信息技术 安全技术 信息安全管理体系 要求", isms, ics: ["35.040"], committee: "SAC/TC 260", adopts: ("ISO/IEC 27001:2005", AdoptionDegree.IDT));
        yield return Edition("GB/T 22080-2016", EditionStatus.Superseded, "信息技术 安全技术 信息安全管理体系 要求", isms, ics: ["35.040"], committee: "SAC/TC 260", adopts: ("ISO/IEC 27001:2013", AdoptionDegree.IDT));
        yield return Edition("GB/T 22080-2025", EditionStatus.Valid, "网络安全技术 信息安全管理体系 要求", "Cybersecurity technology — Information security management systems — Requirements", ics: ["35.030"], committee: "SAC/TC 260", adopts: ("ISO/IEC 27001:2022", AdoptionDegree.IDT));
        yield return Edition("GB/T 22239-2019", EditionStatus.Valid, "信息安全技术 网络安全等级保护基本要求", "Information security technology — Baseline for classified protection of cybersecurity", ics: ["35.040"]);
        yield return Edition("GB/T 22239-2008", EditionStatus.Superseded, "信息安全技术 信息系统安全等级保护基本要求", ics: ["35.040"]);
        yield return Edition("GB/Z 99999-2020", EditionStatus.Valid, "保护 安全 网络 的 等级 划分 词汇 说明");
        yield return Edition("GB/T 32400-2015", EditionStatus.Valid, "信息技术 云计算 概览与词汇", "Information technology — Cloud computing — Overview and vocabulary", ics: ["35.210"], adopts: ("ISO/IEC 17788:2014", AdoptionDegree.IDT));
        yield return Edition("ISO/IEC 27001:2022", EditionStatus.Valid, null,
            "Information security, cybersecurity and privacy protection — Information security management systems — Requirements",
            "Sécurité de l'information, cybersécurité et protection de la vie privée — Systèmes de management de la sécurité de l'information — Exigences",
            ics: ["03.100.70", "35.030"], committee: "ISO/IEC JTC 1/SC 27");
        yield return Edition("ISO/IEC 27001:2013", EditionStatus.Superseded, null, isms, ics: ["03.100.70", "35.030"], committee: "ISO/IEC JTC 1/SC 27");
        yield return Edition("ISO/IEC 27001:2022/Amd 1:2024", EditionStatus.Valid, null, "Information security, cybersecurity and privacy protection — Information security management systems — Requirements — Amendment 1: Climate action changes", ics: ["03.100.70", "35.030"], committee: "ISO/IEC JTC 1/SC 27");
        yield return Edition("ISO/IEC 17788:2014", EditionStatus.Valid, null, "Information technology — Cloud computing — Overview and vocabulary", ics: ["35.210"], committee: "ISO/IEC JTC 1/SC 38");
        yield return Edition("ISO 9001:2015", EditionStatus.Valid, null, "Quality management systems — Requirements", "Systèmes de management de la qualité — Exigences", ics: ["03.100.70"], committee: "ISO/TC 176/SC 2");
        yield return Edition("RFC 9110", EditionStatus.Valid, null, "HTTP Semantics",
            abstractEn: "The Hypertext Transfer Protocol (HTTP) is a stateless application-level protocol for distributed, collaborative, hypertext information systems. This document describes the overall architecture of HTTP, establishes common terminology, and defines aspects of the protocol that are shared by all versions.");
        for (var i = 0; i < FillerCount; i++)
            yield return Edition($"GB/T {40000 + i}-2021", i % 3 == 0 ? EditionStatus.Superseded : EditionStatus.Valid, $"信息技术 数据 管理 第{i + 1}部分", ics: ["35.240.01"]);
    }

    public void Dispose()
    {
        Index.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
