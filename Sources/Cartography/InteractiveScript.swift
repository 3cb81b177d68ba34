// The style and script of the interactive map, inline in the page (no request at run time).

enum InteractiveScript {
  static let style = """
    body{font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;margin:0;color:#222}
    header{padding:8px 16px}h1{font-size:20px;margin:4px 0}.subtitle{margin:0;color:#555}
    .controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:6px 16px;
    background:#f4f4f4;border-bottom:1px solid #ddd}
    main{display:flex;gap:12px;padding:12px 16px;align-items:flex-start}
    #map{flex:1 1 640px;min-width:300px;border:1px solid #ddd;overflow:hidden;cursor:grab;
    touch-action:none}#map svg{width:100%;height:auto;display:block}
    #ward{flex:0 0 280px}#ward table{border-collapse:collapse;width:100%}
    #ward td{border-bottom:1px solid #eee;padding:3px 4px;vertical-align:top}
    #ward td:last-child{text-align:right;font-variant-numeric:tabular-nums}
    path.ward.selected{stroke:#000;stroke-width:3}footer{padding:0 16px 16px;color:#555;
    font-size:13px}.hint{color:#666}
    section.table{padding:0 16px 16px;overflow-x:auto}section.table table{border-collapse:collapse;
    font-size:13px}section.table th,section.table td{border:1px solid #ddd;padding:3px 6px}
    section.table td{text-align:right}section.table td:nth-child(-n+2){text-align:left}
    @media print{.controls{display:none}main{display:block}}
    """

  static let source = """
    (function(){
    "use strict";
    var data=JSON.parse(document.getElementById("wijk-data").textContent);
    var layers=Array.prototype.slice.call(document.querySelectorAll(".layer"));
    var indicator=document.getElementById("indicator"),year=document.getElementById("year");
    var yearLabel=document.getElementById("year-label"),panel=document.getElementById("ward");
    var selected=null,views={};
    function currentYear(){return year?data.years[+year.value]:null;}
    function visible(){for(var i=0;i<layers.length;i++){if(!layers[i].hidden)return layers[i];}return null;}
    function layerFor(id,y){
      var best=null;
      layers.forEach(function(l){if(l.dataset.indicator!==id)return;
        if(!l.dataset.year||l.dataset.year===y)best=l;
        else if(!best&&y===null)best=l;});
      if(!best)layers.forEach(function(l){if(!best&&l.dataset.indicator===id)best=l;});
      return best;}
    function show(){
      var l=layerFor(indicator.value,currentYear());
      layers.forEach(function(x){x.hidden=(x!==l);});
      if(yearLabel)yearLabel.textContent=currentYear();
      if(selected)select(selected);}
    function cell(text){var td=document.createElement("td");td.textContent=text;return td;}
    function select(code){
      selected=code;var l=visible(),w=data.wards[code];
      document.querySelectorAll("path.ward.selected").forEach(function(p){p.classList.remove("selected");});
      if(l)l.querySelectorAll('path.ward[data-ward="'+CSS.escape(code)+'"]').forEach(function(p){p.classList.add("selected");});
      panel.textContent="";
      var h=document.createElement("h2");h.textContent=w?w.name:code;panel.appendChild(h);
      var rows=(w&&l)?w.figures[l.dataset.key]:null;
      if(!rows||!rows.length){var p=document.createElement("p");p.textContent=data.words.noFigures;panel.appendChild(p);return;}
      var t=document.createElement("table");t.id="figures";
      rows.forEach(function(r){var tr=document.createElement("tr");tr.appendChild(cell(r.label));
        var v=cell(r.text);v.className="figure";tr.appendChild(v);t.appendChild(tr);});
      panel.appendChild(t);}
    function normal(s){return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g,"").toLowerCase().replace(/[^a-z0-9]+/g," ").trim();}
    document.getElementById("search").addEventListener("change",function(e){
      var q=normal(e.target.value),found=null;
      Object.keys(data.wards).forEach(function(c){if(normal(data.wards[c].name)===q)found=c;});
      if(found)select(found);else{panel.textContent=data.words.notFound;}});
    document.getElementById("map").addEventListener("click",function(e){
      if(dragged)return;var p=e.target.closest("[data-ward]");if(p)select(p.getAttribute("data-ward"));});
    indicator.addEventListener("change",show);if(year)year.addEventListener("input",show);
    function svg(){var l=visible();return l?l.querySelector("svg"):null;}
    function view(s){var k=s.parentNode.dataset.key;if(!views[k]){var b=s.viewBox.baseVal;
      views[k]={x:b.x,y:b.y,w:b.width,h:b.height,x0:b.x,y0:b.y,w0:b.width,h0:b.height};}return views[k];}
    function apply(s,v){s.setAttribute("viewBox",v.x+" "+v.y+" "+v.w+" "+v.h);}
    function zoom(f,cx,cy){var s=svg();if(!s)return;var v=view(s);
      var nw=Math.min(v.w0,Math.max(v.w0/20,v.w*f)),r=nw/v.w;
      if(cx===undefined){cx=v.x+v.w/2;cy=v.y+v.h/2;}
      v.x=cx-(cx-v.x)*r;v.y=cy-(cy-v.y)*r;v.w=nw;v.h=v.h*r;apply(s,v);}
    function point(s,e){var r=s.getBoundingClientRect(),v=view(s);
      return [v.x+(e.clientX-r.left)/r.width*v.w,v.y+(e.clientY-r.top)/r.height*v.h];}
    document.getElementById("zoom-in").addEventListener("click",function(){zoom(0.6);});
    document.getElementById("zoom-out").addEventListener("click",function(){zoom(1/0.6);});
    document.getElementById("zoom-reset").addEventListener("click",function(){var s=svg();if(!s)return;
      var v=view(s);v.x=v.x0;v.y=v.y0;v.w=v.w0;v.h=v.h0;apply(s,v);});
    var map=document.getElementById("map"),drag=null,dragged=false;
    map.addEventListener("wheel",function(e){var s=svg();if(!s)return;e.preventDefault();
      var p=point(s,e);zoom(e.deltaY<0?0.8:1.25,p[0],p[1]);},{passive:false});
    map.addEventListener("pointerdown",function(e){var s=svg();if(!s)return;
      drag={x:e.clientX,y:e.clientY,s:s};dragged=false;});
    window.addEventListener("pointermove",function(e){if(!drag)return;var s=drag.s,v=view(s),
      r=s.getBoundingClientRect(),dx=e.clientX-drag.x,dy=e.clientY-drag.y;
      if(Math.abs(dx)+Math.abs(dy)>3)dragged=true;if(!dragged)return;
      v.x-=dx/r.width*v.w;v.y-=dy/r.height*v.h;drag.x=e.clientX;drag.y=e.clientY;apply(s,v);});
    window.addEventListener("pointerup",function(){drag=null;setTimeout(function(){dragged=false;},0);});
    show();
    })();
    """
}
