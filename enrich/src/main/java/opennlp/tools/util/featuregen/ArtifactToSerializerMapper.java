package opennlp.tools.util.featuregen;

import java.util.Map;

import opennlp.tools.util.model.ArtifactSerializer;

/** Compatibility type for OpenNLP 1.x generators that declare serializers for their model resources. */
public interface ArtifactToSerializerMapper {

    Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping();
}
