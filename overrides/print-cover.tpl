{#- The first sheet of the printed leaflet (mkdocs-print-site-plugin). -#}
<div class="leaflet-cover">
  <p class="leaflet-cover__kicker">A home exercise leaflet</p>
  <h1>{{ config.site_name | e }}</h1>
  <p class="leaflet-cover__lead">
    Five gentle exercises for a strained lower back, with a daily routine,
    safety advice and a chart to tick off as you go.
  </p>
  <div class="admonition danger">
    <p class="admonition-title">Before you start</p>
    <p>
      This leaflet is general information, not medical advice. Read
      <strong>When to get help</strong> first. If you have any of the signs
      listed there, get help before you do these exercises.
    </p>
  </div>
  <h2>Inside</h2>
  <ol>
    <li>About lumbar muscle strain, and how to use this leaflet safely</li>
    <li>Your daily routine</li>
    <li>The five exercises: waist flexion and extension, waist rotation,
      arch bridge, flying swallow, walking backwards</li>
    <li>When to get help</li>
    <li>Your 6-week progress chart</li>
  </ol>
  {% if config.site_url %}
    <p class="leaflet-cover__url">
      The latest version, with review dates for every page, is online at
      {{ config.site_url | e }}
    </p>
  {% endif %}
</div>
