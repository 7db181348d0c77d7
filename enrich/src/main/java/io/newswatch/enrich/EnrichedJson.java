package io.newswatch.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.Mention;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Topic;

/** The JSON form of an enriched article printed by {@code newswatch enrich --in}. */
public final class EnrichedJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EnrichedJson() {
    }

    public static String toJson(EnrichedArticle e) {
        RawArticle a = e.getArticle();
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.getId());
        if (a.getUrl() != null) {
            o.put("url", a.getUrl());
        }
        o.put("title", a.getTitle());
        o.put("source", a.getSource().getName());
        if (a.getPublishedAt() != null) {
            o.put("publishedAt", a.getPublishedAt().toString());
        }
        ObjectNode language = o.putObject("language");
        language.put("code", e.getLanguage().getCode());
        language.put("confidence", e.getLanguage().getConfidence());
        o.put("storyId", e.getStoryId());
        ArrayNode entities = o.putArray("entities");
        for (Entity en : e.getEntities()) {
            ObjectNode x = entities.addObject();
            x.put("type", en.getType().name());
            x.put("name", en.getName());
            x.put("count", en.getCount());
            x.put("salience", en.getSalience());
            ArrayNode ids = x.putArray("watchlistEntityIds");
            en.getWatchlistEntityIds().forEach(ids::add);
            ArrayNode mentions = x.putArray("mentions");
            for (Mention m : en.getMentions()) {
                ObjectNode mm = mentions.addObject();
                mm.put("text", m.getText());
                mm.put("field", m.getField().name());
                mm.put("start", m.getStart());
                mm.put("end", m.getEnd());
            }
        }
        ArrayNode topics = o.putArray("topics");
        for (Topic t : e.getTopics()) {
            topics.addObject().put("code", t.getCode()).put("label", t.getLabel()).put("score", t.getScore());
        }
        o.put("sentenceCount", e.getSentenceCount());
        o.put("tokenCount", e.getTokenCount());
        ArrayNode flags = o.putArray("flags");
        e.getFlags().forEach(flags::add);
        return o.toString();
    }
}
