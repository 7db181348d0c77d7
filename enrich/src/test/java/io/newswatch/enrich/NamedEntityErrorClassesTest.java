package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Mention;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

/**
 * One test per class of named-entity error seen on news wire through the pipeline: a name read
 * across a line break, "U.S." and all-capitals headlines and datelines, one name typed two ways in
 * one document or cut short, sports clubs named after places.
 */
class NamedEntityErrorClassesTest {

    @Test
    void noMentionSpansALineBreak() {
        EnrichedArticle e = enrich("Gulf states meet", """
                Ministers met in the Gulf on Friday to discuss oil prices .

                Nadim Ladki

                AL-AIN , United Arab Emirates 1996-12-06

                Mark Taylor

                Steve Waugh

                The talks will resume next week .""");

        assertThat(mentions(e)).allSatisfy(m -> assertThat(m.mention().getText()).doesNotContain("\n"));
        assertThat(mentions(e)).contains(new Typed(EntityType.PERSON, "Nadim Ladki"), new Typed(EntityType.PERSON, "Mark Taylor"),
                new Typed(EntityType.PERSON, "Steve Waugh"));
    }

    @Test
    void abbreviationsAndAllCapitalsPlacesAreFound() {
        EnrichedArticle e = enrich("U.N. ENVOY TO VISIT SYRIA", """
                DAMASCUS 1996-08-27

                A United Nations envoy will visit Syria next week , a spokesman said .

                Gen. Ali Hassan said U.S. and U.K. officials would attend the talks in Damascus .""");

        assertThat(mentions(e)).contains(new Typed(EntityType.LOCATION, "SYRIA"), new Typed(EntityType.LOCATION, "DAMASCUS"),
                new Typed(EntityType.LOCATION, "U.S."), new Typed(EntityType.LOCATION, "U.K."),
                new Typed(EntityType.PERSON, "Ali Hassan"));
    }

    @Test
    void aNameThatEndsASentenceLosesTheFullStopButAnAbbreviationKeepsIt() {
        EnrichedArticle e = enrich("Vaccines arrive", """
                The region got its financing from UNICEF.
                The shipment was made by Rivergate Pharma Inc.
                Officials from the U.S.""");

        List<Typed> found = mentions(e);
        assertThat(found).contains(new Typed(EntityType.ORGANIZATION, "UNICEF"), new Typed(EntityType.LOCATION, "U.S."));
        assertThat(found).noneMatch(t -> t.text().equals("UNICEF."));
        assertThat(found).anyMatch(t -> t.text().endsWith("Inc."));
    }

    @Test
    void allCapitalsDatelinesAndHeadlinesOfPlacesTheTextNeverNamesAgain() {
        EnrichedArticle e = enrich("ITALY BEAT ZIMBABWE", """
                HARARE 1996-08-22

                The visitors won the final match of the tour by three wickets on Thursday .""");

        assertThat(mentions(e)).contains(new Typed(EntityType.LOCATION, "ITALY"), new Typed(EntityType.LOCATION, "ZIMBABWE"),
                new Typed(EntityType.LOCATION, "HARARE"));
    }

    @Test
    void oneTypePerNameInADocumentAndFullNamesAreNotCut() {
        EnrichedArticle e = enrich("CRICKET - PAKISTAN WIN FIRST TEST", """
                LONDON 1996-08-25

                Saeed Anwar hit 176 as Pakistan beat England by nine wickets at The Oval on Sunday .

                Chris Cairns took three wickets for New Zealand in the other match .

                Cairns said the pitch had helped the bowlers .

                Cairns , who missed the first match , will play on Friday .""");

        List<Typed> found = mentions(e);
        assertThat(found).contains(new Typed(EntityType.PERSON, "Saeed Anwar"), new Typed(EntityType.PERSON, "Chris Cairns"));
        assertThat(found).doesNotContain(new Typed(EntityType.PERSON, "Anwar"));
        assertThat(found.stream().filter(t -> t.text().contains("Cairns")).map(Typed::type).distinct())
                .containsExactly(EntityType.PERSON);
        assertThat(found.stream().filter(t -> t.text().equals("Cairns")).count()).isEqualTo(2);
    }

    @Test
    void sportsClubsNamedAfterPlacesAreOrganisations() {
        EnrichedArticle e = enrich("SOCCER - SEVILLA BEAT PARTIZAN BELGRADE", """
                SEVILLE , Spain 1996-09-10

                Sevilla beat Partizan Belgrade 2-0 in a friendly on Tuesday .""");

        List<Typed> found = mentions(e);
        assertThat(found).contains(new Typed(EntityType.ORGANIZATION, "PARTIZAN BELGRADE"),
                new Typed(EntityType.ORGANIZATION, "Partizan Belgrade"), new Typed(EntityType.ORGANIZATION, "Sevilla"));
        assertThat(found).doesNotContain(new Typed(EntityType.ORGANIZATION, "PARTIZAN"), new Typed(EntityType.LOCATION, "BELGRADE"),
                new Typed(EntityType.PERSON, "Sevilla"));
    }

    @Test
    void teamsOnResultAndStandingsLinesAreOrganisationsAndNationalSidesStayPlaces() {
        EnrichedArticle e = enrich("BASKETBALL - NBA RESULTS", """
                Results of games on Friday ( home team in CAPS ) :

                Houston 112 UTAH 103

                New York 92 ORLANDO 94

                Olympiakos 95 Barcelona 90 ( OT )

                Standings after three matches :

                South Africa 3 2 1 4""");

        List<Typed> found = mentions(e);
        assertThat(found).contains(new Typed(EntityType.ORGANIZATION, "Houston"), new Typed(EntityType.ORGANIZATION, "UTAH"),
                new Typed(EntityType.ORGANIZATION, "New York"), new Typed(EntityType.ORGANIZATION, "ORLANDO"),
                new Typed(EntityType.ORGANIZATION, "Olympiakos"), new Typed(EntityType.ORGANIZATION, "Barcelona"),
                new Typed(EntityType.LOCATION, "South Africa"));
        assertThat(found).doesNotContain(new Typed(EntityType.ORGANIZATION, "York"));
    }

    @Test
    void aDatelineStaysAPlaceWhereTheSamePageNamesTheClubAfterIt() {
        EnrichedArticle e = enrich("SOCCER - HOME SIDE HOLD ON .", """
                LEEDS , England 1996-08-31

                Leeds 2 Derby 1

                Leeds held on for a win in a tense finish at Elland Road on Saturday .""");

        List<Typed> found = mentions(e);
        assertThat(found).contains(new Typed(EntityType.LOCATION, "LEEDS"), new Typed(EntityType.ORGANIZATION, "Leeds"),
                new Typed(EntityType.ORGANIZATION, "Derby"));
        assertThat(found).doesNotContain(new Typed(EntityType.ORGANIZATION, "LEEDS"), new Typed(EntityType.LOCATION, "Leeds"));
    }

    @Test
    void theSportThatHeadsAWireHeadlineIsNotAName() {
        EnrichedArticle e = enrich("RUGBY UNION - SOUTH AFRICA UNCHANGED FOR SECOND TEST .", """
                JOHANNESBURG 1996-08-01

                South Africa named an unchanged side on Thursday for the second test against New Zealand .""");

        List<Typed> found = mentions(e);
        assertThat(found).contains(new Typed(EntityType.LOCATION, "SOUTH AFRICA"));
        assertThat(found).noneMatch(t -> t.text().contains("RUGBY"));
    }

    @Test
    void aCompanysLegalFormIsPartOfItsName() {
        EnrichedArticle e = enrich("Recall widens", """
                DETROIT — General Motors Co. is recalling about 400,000 sport utility vehicles in the U.S. and Canada because a wiring fault can cause fires .

                Shares of Rivergate Semiconductor Inc. fell 3 % on Tuesday .""");

        List<Typed> found = mentions(e);
        assertThat(found).contains(new Typed(EntityType.ORGANIZATION, "General Motors Co."));
        assertThat(found).doesNotContain(new Typed(EntityType.ORGANIZATION, "General Motors"));
    }

    @Test
    void theEnglishWordsOfATitleCaseHeadlineAreNotNames() {
        List<Typed> titleCase = mentions(enrich("Storm Knocks Out Power Across Ohio as Crews Race to Restore Lines", """
                COLUMBUS — A line of thunderstorms cut power to more than 200,000 homes in Ohio on Tuesday, and
                utility crews said repairs could take days."""));

        assertThat(titleCase).contains(new Typed(EntityType.LOCATION, "Ohio"));
        assertThat(titleCase).noneMatch(t -> t.text().matches(".*\\b(Storm|Knocks|Power|Crews|Race|Restore|Lines)\\b.*"));
    }

    @Test
    void aNameBeforeLedOrBasedIsANameInsideTheWord() {
        List<Typed> found = mentions(enrich("Peace force to stay", """
                BRUSSELS 1996-09-03

                The NATO-led force will stay in the region until June , NATO said .
                A Frankfurt-based bank and a Taiwan-backed fund bought the shares .
                The San Antonio-based group said it would not sell ."""));

        assertThat(found).contains(new Typed(EntityType.ORGANIZATION, "NATO"), new Typed(EntityType.LOCATION, "Frankfurt"),
                new Typed(EntityType.LOCATION, "Taiwan"), new Typed(EntityType.LOCATION, "San Antonio"));
        assertThat(found).noneMatch(t -> t.text().contains("-"));
    }

    @Test
    void anAbbreviationDefinedInBracketsNamesItsLongFormAndItsLaterUses() {
        List<Typed> found = mentions(enrich("Talks stall", """
                KIGALI 1996-10-14

                Delegates said the Movement for Democratic Renewal ( MDR ) had left the talks .
                MDR leaders denied it ."""));

        assertThat(found).contains(new Typed(EntityType.ORGANIZATION, "Movement for Democratic Renewal"));
        assertThat(found).filteredOn(t -> t.text().equals("MDR")).hasSize(2)
                .allMatch(t -> t.type() == EntityType.ORGANIZATION);
    }

    @Test
    void aNameWithALegalFormIsACompanyNotAPerson() {
        List<Typed> found = mentions(enrich("Merger talks", """
                NEW YORK 1996-11-04

                Investors sold Gordon Bennett Co. shares after the warning .
                Rival Harlan Meyer and Co. said it saw no change ."""));

        assertThat(found).contains(new Typed(EntityType.ORGANIZATION, "Gordon Bennett Co."),
                new Typed(EntityType.ORGANIZATION, "Harlan Meyer and Co."));
        assertThat(found).noneMatch(t -> t.type() == EntityType.PERSON);
    }

    @Test
    void aNameWhoseSharesAreBoughtIsACompany() {
        List<Typed> found = mentions(enrich("Profit warning", """
                NEW YORK 1996-11-04

                Traders bought shares in Marwick after the results , and Marwick said demand was strong .
                Analyst Paul Hart said the company would gain share in Asia ."""));

        assertThat(found).filteredOn(t -> t.text().equals("Marwick")).hasSize(2)
                .allMatch(t -> t.type() == EntityType.ORGANIZATION);
        assertThat(found).contains(new Typed(EntityType.PERSON, "Paul Hart"));
    }

    @Test
    void wellKnownOrganisationsTheModelDoesNotKnowAreFoundByTheGazetteer() {
        List<Typed> found = mentions(enrich("Crypto crackdown", """
                WASHINGTON — Regulators sued Binance on Monday, and Stellantis said it had paused shipments.
                The complaint against Binance was filed in a federal court."""));

        assertThat(found).filteredOn(t -> t.text().equals("Binance")).hasSize(2)
                .allMatch(t -> t.type() == EntityType.ORGANIZATION);
        assertThat(found).contains(new Typed(EntityType.ORGANIZATION, "Stellantis"));
    }

    @Test
    void eventsAwardsLawsAndTitlesOfWorksAreNotPeopleBodiesOrPlaces() {
        EnrichedArticle e = enrich("Prize night", """
                LONDON — Maya Ellery won the Halden Poetry Prize on Thursday for “Winter Harbour Lights,” her third book,
                a week after the Lisbon Marathon and the Brenner Open were cancelled, and the Coastal Waters Act was passed.""");

        List<Typed> found = mentions(e);
        assertThat(found).noneMatch(t -> t.type() != EntityType.MISC
                && t.text().matches(".*(Prize|Harbour Lights|Marathon|Open|Act).*"));
        assertThat(found).contains(new Typed(EntityType.PERSON, "Maya Ellery"));
    }

    @Test
    void aStateAbbreviationKeepsItsDotWhereTheSentenceDetectorEndsASentence() {
        List<Typed> found = mentions(enrich("Layoffs", """
                FRESNO, Calif. (March 3) — Valleygrow Farms said on Tuesday it would close two packing plants.
                BOISE, Ida. — The state said it would help the workers."""));

        assertThat(found).contains(new Typed(EntityType.LOCATION, "Calif."));
        assertThat(found).noneMatch(t -> t.text().equals("Calif"));
    }

    @Test
    void aBodyNamedForTwoThingsKeepsBothHalvesOfItsName() {
        List<Typed> found = mentions(enrich("Regulator acts", """
                LAGOS — Nigeria’s Ports and Harbours Authority said the terminal would reopen.
                Officials from the Wales and Borders Transport Authority met on Friday ."""));

        assertThat(found).contains(new Typed(EntityType.ORGANIZATION, "Ports and Harbours Authority"),
                new Typed(EntityType.ORGANIZATION, "Wales and Borders Transport Authority"));
        assertThat(found).doesNotContain(new Typed(EntityType.LOCATION, "Wales"));
    }

    @Test
    void aBodysNameThatGoesOnWithOfOrForIsOneName() {
        List<Typed> found = mentions(enrich("Relief talks", """
                GENEVA 1996-11-12

                The European Bank for Reconstruction and Development said it would lend $ 40 million to the port .
                Officials of the International Committee of the Red Cross visited the camp on Monday ."""));

        assertThat(found).contains(new Typed(EntityType.ORGANIZATION, "European Bank for Reconstruction and Development"),
                new Typed(EntityType.ORGANIZATION, "International Committee of the Red Cross"));
    }

    @Test
    void aCompanyTheModelMissesIsFoundByItsSharesAndThenEverywhere() {
        List<Typed> found = mentions(enrich("Profit rises", """
                HELSINKI 1996-09-10

                Shares in Kopparfors rose two markka to 96 on the Helsinki bourse .
                " Kopparfors has a strong niche position , " a dealer said ."""));

        assertThat(found).filteredOn(t -> t.text().equals("Kopparfors")).hasSize(2)
                .allMatch(t -> t.type() == EntityType.ORGANIZATION);
    }

    @Test
    void thePassesLeaveAloneWhatOnlyLooksLikeTheirCases() {
        List<Typed> found = mentions(enrich("Loan talks", """
                WASHINGTON — President John F. Kennedy (JFK) was quoted by the envoy on Monday.
                Traders sold shares in January, and shares of Microsoft and Apple Inc. rose.
                The International Monetary Fund for Pakistan talks resumed, and Epic Games shares fell 3%."""));

        assertThat(found).contains(new Typed(EntityType.PERSON, "John F. Kennedy"), new Typed(EntityType.ORGANIZATION, "Apple Inc."),
                new Typed(EntityType.ORGANIZATION, "International Monetary Fund"));
        assertThat(found).noneMatch(t -> t.text().equals("January") || t.text().equals("Microsoft and Apple Inc.")
                || t.text().contains("for Pakistan") || t.text().equals("JFK") && t.type() == EntityType.ORGANIZATION);
        assertThat(found).noneMatch(t -> t.text().equals("Epic Games") && t.type() == EntityType.MISC);
    }

    /** A mention with its entity's type. */
    record Typed(EntityType type, String text) {
        Mention mention() {
            return new Mention(text, Field.TEXT, 0, 0);
        }
    }

    private static List<Typed> mentions(EnrichedArticle e) {
        List<Typed> out = new ArrayList<>();
        for (Entity en : e.getEntities()) {
            for (Mention m : en.getMentions()) {
                out.add(new Typed(en.getType(), m.getText()));
            }
        }
        return out;
    }

    private static EnrichedArticle enrich(String title, String text) {
        return SharedNlp.enricher().enrich(RawArticle.newBuilder().setId("t").setSource(new Source("test", null, null, List.of()))
                .setOrigin(Origin.PUSH).setTitle(title).setText(text).setLanguage("en")
                .setFetchedAt(SharedNlp.CLOCK.instant()).setContentHash("h").setAttributes(Map.of()).build());
    }
}
