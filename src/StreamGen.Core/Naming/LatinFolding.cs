namespace StreamGen.Naming;

/// <summary>
/// ASCII spellings of the Latin letters with diacritics (U+00C0..U+024F), for names protobuf must carry in ASCII:
/// the accents are dropped (<c>é</c> → <c>e</c>), ligatures and special letters spelled out (<c>ß</c> → <c>ss</c>,
/// <c>æ</c> → <c>ae</c>). A table rather than Unicode normalization, which globalization-invariant mode does not do.
/// </summary>
internal static class LatinFolding
{
    private const string Table =
        "ÀA|ÁA|ÂA|ÃA|ÄA|ÅA|ÆAe|ÇC|ÈE|ÉE|ÊE|ËE|ÌI|ÍI|ÎI|ÏI|ÐD|ÑN|ÒO|ÓO|ÔO|ÕO|ÖO|ØO|ÙU|ÚU|ÛU|ÜU|ÝY|ÞTh|ßss|àa|áa|âa|ãa|" +
        "äa|åa|æae|çc|èe|ée|êe|ëe|ìi|íi|îi|ïi|ðd|ñn|òo|óo|ôo|õo|öo|øo|ùu|úu|ûu|üu|ýy|þth|ÿy|ĀA|āa|ĂA|ăa|ĄA|ąa|ĆC|ćc|ĈC|" +
        "ĉc|ĊC|ċc|ČC|čc|ĎD|ďd|ĐD|đd|ĒE|ēe|ĔE|ĕe|ĖE|ėe|ĘE|ęe|ĚE|ěe|ĜG|ĝg|ĞG|ğg|ĠG|ġg|ĢG|ģg|ĤH|ĥh|ĦH|ħh|ĨI|ĩi|ĪI|īi|ĬI|" +
        "ĭi|ĮI|įi|İI|ıi|ĲIj|ĳij|ĴJ|ĵj|ĶK|ķk|ĸk|ĹL|ĺl|ĻL|ļl|ĽL|ľl|ĿL|ŀl|ŁL|łl|ŃN|ńn|ŅN|ņn|ŇN|ňn|ŉn|ŊNg|ŋng|ŌO|ōo|ŎO|ŏo|" +
        "ŐO|őo|ŒOe|œoe|ŔR|ŕr|ŖR|ŗr|ŘR|řr|ŚS|śs|ŜS|ŝs|ŞS|şs|ŠS|šs|ŢT|ţt|ŤT|ťt|ŦT|ŧt|ŨU|ũu|ŪU|ūu|ŬU|ŭu|ŮU|ůu|ŰU|űu|ŲU|ųu|" +
        "ŴW|ŵw|ŶY|ŷy|ŸY|ŹZ|źz|ŻZ|żz|ŽZ|žz|ſs|ƒf|ƠO|ơo|ƯU|ưu|ǄDZ|ǅDz|ǆdz|ǇLJ|ǈLj|ǉlj|ǊNJ|ǋNj|ǌnj|ǍA|ǎa|ǏI|ǐi|ǑO|ǒo|ǓU|" +
        "ǔu|ǕU|ǖu|ǗU|ǘu|ǙU|ǚu|ǛU|ǜu|ǞA|ǟa|ǠA|ǡa|ǦG|ǧg|ǨK|ǩk|ǪO|ǫo|ǬO|ǭo|ǰj|ǱDZ|ǲDz|ǳdz|ǴG|ǵg|ǸN|ǹn|ǺA|ǻa|ȀA|ȁa|ȂA|ȃa|" +
        "ȄE|ȅe|ȆE|ȇe|ȈI|ȉi|ȊI|ȋi|ȌO|ȍo|ȎO|ȏo|ȐR|ȑr|ȒR|ȓr|ȔU|ȕu|ȖU|ȗu|ȘS|șs|ȚT|țt|ȞH|ȟh|ȦA|ȧa|ȨE|ȩe|ȪO|ȫo|ȬO|ȭo|ȮO|ȯo|" +
        "ȰO|ȱo|ȲY|ȳy";

    private static readonly Dictionary<char, string> Map = Table.Split('|').ToDictionary(pair => pair[0], pair => pair[1..]);

    /// <summary>The ASCII spelling of <paramref name="text"/>, or null when a character has none (<c>名前</c>).</summary>
    public static string? ToAscii(string text)
    {
        if (text.All(char.IsAscii))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (char.IsAscii(c))
            {
                builder.Append(c);
            }
            else if (Map.TryGetValue(c, out var ascii))
            {
                builder.Append(ascii);
            }
            else
            {
                return null;
            }
        }

        return builder.ToString();
    }
}
