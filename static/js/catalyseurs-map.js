/* The map of catalyseurs: progressive enhancement of the list on the same page.
 * Reads its settings from the data-* attributes of #carte, draws the GeoJSON of the filtered set
 * with clustered markers whose popups link to the cards, and says in #carte-etat what happened
 * (loaded, empty, tiles unavailable, data unavailable). No inline script or style: CSP-friendly. */
(function () {
  "use strict";
  var container = document.getElementById("carte");
  var status = document.getElementById("carte-etat");
  if (!container || !status) return;
  function say(text) { status.textContent = text; }
  if (!window.L || !window.L.markerClusterGroup) {
    say("La carte n'a pas pu être chargée : la liste ci-dessous présente les mêmes catalyseurs.");
    return;
  }
  var data = container.dataset;
  container.hidden = false;
  var map = L.map(container, { scrollWheelZoom: false }).setView([46.6, 2.4], 5);
  var attribution = document.createElement("a");
  attribution.href = data.attributionUrl;
  attribution.textContent = data.attribution;
  var tiles = L.tileLayer(data.tiles, { maxZoom: 18, attribution: attribution.outerHTML });
  var tilesFailed = false;
  var message = "";
  tiles.on("tileerror", function () {
    if (tilesFailed) return;
    tilesFailed = true;
    say(message + " Le fond de carte n'a pas pu être chargé : les repères restent utilisables, " +
        "et la liste ci-dessous présente les mêmes catalyseurs.");
  });
  tiles.addTo(map);
  map.attributionControl.setPrefix(false);

  var icon = L.icon({
    iconUrl: data.icon, iconRetinaUrl: data.icon2x, shadowUrl: data.shadow,
    iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], shadowSize: [41, 41]
  });

  function popup(properties) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.nom;
    box.appendChild(link);
    if (properties.lieu) {
      var place = document.createElement("p");
      place.textContent = properties.lieu;
      box.appendChild(place);
    }
    return box;
  }

  fetch(data.geojson, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (collection) {
      var cluster = L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: true });
      collection.features.forEach(function (feature) {
        var coordinates = feature.geometry.coordinates;
        var marker = L.marker([coordinates[1], coordinates[0]], {
          icon: icon, alt: feature.properties.nom, title: feature.properties.nom, keyboard: true
        });
        marker.bindPopup(popup(feature.properties));
        cluster.addLayer(marker);
      });
      map.addLayer(cluster);
      var count = collection.features.length;
      if (count) {
        // No animation: a marker opened while the zoom still ran had its popup closed when the
        // clusters were redrawn at its end (seen in a browser test on a loaded machine).
        map.fitBounds(cluster.getBounds(), { maxZoom: 9, padding: [20, 20], animate: false });
        message = count + (count > 1 ? " catalyseurs placés" : " catalyseur placé") +
          " sur la carte ; la liste ci-dessous les présente aussi, avec ceux qui n'ont pas de position.";
      } else {
        message = "Aucun catalyseur de cette sélection n'a de position sur la carte ; voyez la liste ci-dessous.";
      }
      container.setAttribute("data-markers", String(count));
      say(tilesFailed ? message + " Le fond de carte n'a pas pu être chargé : les repères restent utilisables." : message);
    })
    .catch(function () {
      say("Les positions n'ont pas pu être chargées : la liste ci-dessous présente les mêmes catalyseurs.");
    });
})();
