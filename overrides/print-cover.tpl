{#- The first sheet of the printed leaflet (mkdocs-print-site-plugin), in
    the language being built (hooks/leaflet/languages.py). -#}
{% set t = config.extra.leaflet_text %}
<div class="leaflet-cover">
  <p class="leaflet-cover__kicker">{{ t.cover_kicker }}</p>
  <h1>{{ config.site_name | e }}</h1>
  <p class="leaflet-cover__lead">
    {{ t.cover_lead }}
  </p>
  <div class="admonition danger">
    <p class="admonition-title">{{ t.cover_before }}</p>
    <p>
      {{ t.cover_before_text }}
    </p>
  </div>
  <h2>{{ t.cover_inside }}</h2>
  <ol>
    {% for item in t.cover_contents %}
    <li>{{ item }}</li>
    {% endfor %}
  </ol>
  {#- The QR code of this language's home page, with its address under it
      (hooks/qr_codes.py). -#}
  {% if config.extra.leaflet_qr %}
    {{ config.extra.leaflet_qr }}
  {% elif config.site_url %}
    <p class="leaflet-cover__url">
      {{ t.cover_online }}{{ (config.site_url ~ t.root) | e }}
    </p>
  {% endif %}
</div>
