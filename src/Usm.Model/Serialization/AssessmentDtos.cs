namespace Usm.Model.Serialization;

// Instruments and scans. A scan document embeds its instrument in full, so it can be read on its own.
internal sealed class InstrumentDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public InstrumentDto? Instrument { get; set; }
}

internal sealed class ScanDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public ScanDto? Scan { get; set; }
}

internal sealed class InstrumentDto
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public List<InstrumentAreaDto?>? Areas { get; set; }
}

internal sealed class InstrumentAreaDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public double? Weight { get; set; }

    public List<QuestionDto?>? Questions { get; set; }
}

internal sealed class QuestionDto
{
    public string? Id { get; set; }

    public string? Text { get; set; }

    public AnswerScaleDto? Scale { get; set; }

    public UsmElementDto? Element { get; set; }

    public double? Weight { get; set; }

    public string? MaturityCriterion { get; set; }
}

internal sealed class AnswerScaleDto
{
    public string? Kind { get; set; }

    public List<ScaleLevelDto?>? Levels { get; set; }
}

internal sealed class ScaleLevelDto
{
    public string? Label { get; set; }

    public double? Score { get; set; }
}

internal sealed class UsmElementDto
{
    public string? Kind { get; set; }

    public string? Prerequisite { get; set; }

    public string? Resource { get; set; }

    public string? Process { get; set; }

    public int? Pattern { get; set; }
}

internal sealed class ScanDto
{
    public string? Id { get; set; }

    public NodaTime.LocalDate? Date { get; set; }

    public InstrumentDto? Instrument { get; set; }

    public List<RespondentDto?>? Respondents { get; set; }

    public List<AnswerDto?>? Answers { get; set; }
}

internal sealed class RespondentDto
{
    public string? Id { get; set; }

    public string? Role { get; set; }
}

internal sealed class AnswerDto
{
    public string? RespondentId { get; set; }

    public string? QuestionId { get; set; }

    public string? Level { get; set; }

    public bool? Yes { get; set; }

    public double? Percent { get; set; }
}
